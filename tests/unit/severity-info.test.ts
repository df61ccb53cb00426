// The info severity, end to end: what the check could not do (a code built at run time)
// is reported in every format, counted apart in every summary, and never fails a check;
// a catalog may turn an info-level rule up or off like a warning-level one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { REPORTERS, summaryLine, type Run } from '../../src/reporters/index.ts';
import { moreDiagnostics } from '../../src/reporters/markdown-list.ts';
import { RULE_DOCS_URL as RULE_PAGE, explainText, documentedRule } from '../../src/rules/docs.ts';
import { formatReviewGithub } from '../../src/review/annotate.ts';
import { formatReviewMarkdown } from '../../src/review/report.ts';
import type { Review } from '../../src/review/diff.ts';
import sourceDynamicCode from '../../src/rules/source-dynamic-code.ts';

const info: Diagnostic = { file: 'server/a.ts', line: 3, col: 17, severity: 'info', rule: 'source-dynamic-code', message: 'the code `rate_${kind}` is built at run time and cannot be resolved', hint: 'write each code as a literal' };
const warning: Diagnostic = { file: 'catalog/codes/b.yaml', line: 1, col: 1, severity: 'warning', rule: 'schema-comment', message: 'first line lacks the comment', hint: 'add it' };
const error: Diagnostic = { file: 'catalog/codes/a.yaml', line: 4, col: 11, severity: 'error', rule: 'category-known', message: 'unknown category', hint: 'did you mean "not_found"?' };
const only = (...diagnostics: Diagnostic[]): Run => ({ diagnostics, codeCount: 2 });

test('summary line: info counted only when present; info alone leaves the catalog clean', () => {
  assert.equal(summaryLine([info], 2), 'catalog clean: 2 codes checked; 1 info');
  assert.equal(summaryLine([info, info], 1), 'catalog clean: 1 code checked; 2 info');
  assert.equal(summaryLine([warning, info], 2), '0 errors, 1 warning, 1 info in 2 codes');
  assert.equal(summaryLine([error, warning], 2), '1 error, 1 warning in 2 codes');
  assert.equal(summaryLine([], 2), 'catalog clean: 2 codes checked');
});

test('text: the severity word is info', () => {
  const lines = REPORTERS.text.format(only(info)).split('\n');
  assert.equal(lines[0], `server/a.ts:3:17  info  source-dynamic-code  ${info.message}  hint: ${info.hint}  docs: ${RULE_PAGE}source-dynamic-code/`);
  assert.equal(lines.at(-2), 'catalog clean: 2 codes checked; 1 info');
});

test('json: severity "info" as data', () => {
  const data = JSON.parse(REPORTERS.json.format(only(info)));
  assert.deepEqual(data.diagnostics, [{ ...info, docs: `${RULE_PAGE}source-dynamic-code/` }]);
});

test('github: an info is a ::notice (GitHub has no info level), in the review too', () => {
  const lines = REPORTERS.github.format(only(error, info)).trimEnd().split('\n');
  assert.match(lines[0]!, /^::error file=catalog\/codes\/a\.yaml,/);
  assert.match(lines[1]!, /^::notice file=server\/a\.ts,line=3,col=17,title=source-dynamic-code::the code `rate_\$\{kind\}` is built/);
  assert.equal(lines[2], '1 error, 0 warnings, 1 info in 2 codes');
  const review: Review = { base: 'main', added: [], changed: [], removed: [], renames: [], page: [], files: { 'server/a.ts': [[3, 3]] }, lock: 'shipped.yaml' };
  assert.match(formatReviewGithub(review, [info]), /^::notice file=server\/a\.ts,line=3,col=17,title=source-dynamic-code::/);
  assert.match(formatReviewGithub({ ...review, files: {} }, [info]), /^::notice title=source-dynamic-code::server\/a\.ts:3:17: /);
});

test('markdown: **info** items after errors and warnings when bounded, counted apart', () => {
  const out = REPORTERS.markdown.format(only(info));
  assert.ok(out.startsWith('### Error catalog check\n\ncatalog clean: 2 codes checked; 1 info\n'), out);
  assert.ok(out.includes('\n- `server/a.ts:3:17` **info** [`source-dynamic-code`]'), out);
  assert.equal(moreDiagnostics([info, error, warning, warning, info, info]), '- …and 1 more error, 2 more warnings and 3 more info: see the full report.');
  // Bounded: the error is kept before the info that came first.
  const all = only(info, error);
  const full = REPORTERS.markdown.format(all);
  const bounded = REPORTERS.markdown.format({ ...all, links: { maxChars: full.length - 10 } });
  assert.ok(bounded.includes('**error**') && !bounded.includes('**info**'), bounded);
  assert.ok(bounded.includes('…and 1 more info: see the full report.'), bounded);
});

test('markdown review: a check with info only passes, and says so', () => {
  const review: Review = { base: 'main', added: [], changed: [], removed: [], renames: [], page: [], files: {}, lock: 'shipped.yaml' };
  assert.match(formatReviewMarkdown(review, [info, warning], {}), /✅ The check passed with 1 warning and 1 info: /);
  assert.match(formatReviewMarkdown(review, [error, info], {}), /❌ The check failed with 1 error and 1 info:/);
});

test('sarif: an info is a note, valid SARIF 2.1.0, and the rule\'s default level is note', () => {
  const schema = JSON.parse(readFileSync('tests/fixtures/sarif/sarif-2.1.0-rtm.5.json', 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const log = JSON.parse(REPORTERS.sarif.format(only(info))) as { runs: { results: { level: string; ruleIndex: number }[]; tool: { driver: { rules: { defaultConfiguration: { level: string } }[] } } }[] };
  assert.ok(ajv.validate(schema, log), JSON.stringify(ajv.errors, null, 1));
  const [run] = log.runs;
  const [result] = run!.results;
  assert.equal(result!.level, 'note');
  assert.equal(run!.tool.driver.rules[result!.ruleIndex]!.defaultConfiguration.level, 'note');
});

test('explain: source-dynamic-code is info by default, and can be set to off, warning or error', () => {
  assert.equal(sourceDynamicCode.severity, 'info');
  assert.match(explainText(documentedRule('source-dynamic-code')!), /Severity: info by default; a catalog may set it to off, warning or error /);
  assert.match(explainText(documentedRule('schema-comment')!), /Severity: warning by default; a catalog may set it to off, info or error /);
});

// ---- exit status, through the CLI ----

/** The mini catalog with a server whose second code is built at run time: the check's only finding is an info. */
function dynamicCatalog(rules = '  schema-comment: off\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-info-'));
  cpSync('tests/fixtures/mini', dir, { recursive: true });
  for (const [file, text] of Object.entries(sourceDynamicCode.fail.files)) writeFileSync(join(dir, file), file === 'catalog.yaml' ? `${text}rules:\n${rules}` : text!);
  return dir;
}

function errcat(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/errcat.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('exit status: info never fails the check, in any format; turned up to error it does', (t) => {
  const dir = dynamicCatalog();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const format of Object.keys(REPORTERS)) {
    const r = errcat(['check', dir, '--format', format]);
    assert.equal(r.code, 0, `${format}: ${r.out}`);
  }
  const text = errcat(['check', dir]);
  assert.match(text.out, /server\.ts:2:20  info  source-dynamic-code  the code `rate_\$\{kind\}` is built at run time/);
  assert.match(text.out, /\ncatalog clean: 2 codes checked; 1 info\n$/);

  const asError = dynamicCatalog('  schema-comment: off\n  source-dynamic-code: error\n');
  const asWarning = dynamicCatalog('  schema-comment: off\n  source-dynamic-code: warning\n');
  const off = dynamicCatalog('  source-dynamic-code: off\n  schema-comment: info\n');
  t.after(() => [asError, asWarning, off].forEach((d) => rmSync(d, { recursive: true, force: true })));
  const e = errcat(['check', asError]);
  assert.equal(e.code, 1, e.out);
  assert.match(e.out, /server\.ts:2:20  error  source-dynamic-code/);
  const w = errcat(['check', asWarning]);
  assert.equal(w.code, 0, w.out);
  assert.match(w.out, /server\.ts:2:20  warning  source-dynamic-code[^\n]*\n\n0 errors, 1 warning in 2 codes\n$/);
  // Off silences it; a warning-level rule turned down to info is reported as one.
  const o = errcat(['check', off]);
  assert.equal(o.code, 0, o.out);
  assert.doesNotMatch(o.out, /source-dynamic-code/);
  assert.match(o.out, /catalog\.yaml:1:1  info  schema-comment  [^\n]*\n\ncatalog clean: 2 codes checked; 1 info\n$/);
});

test('the build and the dev server log a check with only info as information, not as a warning', async () => {
  const { logCheck } = await import('../../src/plugin/integration.ts');
  const logged = (diagnostics: Diagnostic[]) => {
    const calls: string[] = [];
    const logger = Object.fromEntries(['error', 'warn', 'info'].map((level) => [level, (msg: string) => calls.push(`${level}: ${msg.split('\n')[0]}`)]));
    logCheck(logger as never, { diagnostics, codeCount: 2, dir: 'catalog' } as never);
    return calls;
  };
  assert.deepEqual(logged([info]), ['info: catalog clean: 2 codes checked; 1 info (catalog)']);
  assert.deepEqual(logged([info, warning]), ['warn: 0 errors, 1 warning, 1 info in 2 codes (catalog)']);
  assert.deepEqual(logged([error, info]), ['error: 1 error, 0 warnings, 1 info in 2 codes (catalog)']);
  assert.deepEqual(logged([]), ['info: catalog clean: 2 codes checked (catalog)']);
});

test('rules-config: an error-level rule cannot be turned down to info', async () => {
  const { checkCatalog } = await import('../../src/check/check.ts');
  const dir = dynamicCatalog('  schema-comment: off\n  code-unique: info\n');
  try {
    const found = checkCatalog(dir).diagnostics.filter((d) => d.rule === 'rules-config');
    assert.deepEqual(found.map((d) => [d.severity, d.message]), [['error', 'rule "code-unique" cannot be set to info: it always applies as error']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Every reporter on the same diagnostics, and properties: whatever a hostile catalog puts
// in a file name, message or hint cannot break out of any format.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { SEVERITIES, type Diagnostic } from '../../src/load/diagnostics.ts';
import { REPORTERS, type Run } from '../../src/reporters/index.ts';
import { RULE_DOCS_URL as RULE_PAGE } from '../../src/rules/docs.ts';
import { artifactUri } from '../../src/reporters/sarif.ts';

const DOCS = 'https://docs.mini.test/errors';

const diagnostics: Diagnostic[] = [
  { file: 'catalog/codes/a.yaml', line: 4, col: 11, severity: 'error', rule: 'category-known', message: 'unknown category "notfound"', hint: 'did you mean "not_found"?' },
  { file: 'catalog/codes/b c.yaml', line: 1, col: 1, severity: 'warning', rule: 'schema-comment', message: 'first line lacks the comment', hint: 'add it' },
];
const run: Run = { diagnostics, codeCount: 2, docsUrl: DOCS };

// The SARIF 2.1.0 schema (rtm.5, as published by SchemaStore), vendored from the npm
// package @microsoft/jest-sarif@1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json).
const sarifSchema = JSON.parse(readFileSync('tests/fixtures/sarif/sarif-2.1.0-rtm.5.json', 'utf8'));
// The schema's language-tag pattern is not valid with the `u` flag Ajv uses by default.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const sarifCheck = ajv.compile(sarifSchema);
const validateSarif = Object.assign((log: unknown): boolean => sarifCheck(log), { get errors() { return sarifCheck.errors; } });

test('text: one line per diagnostic with its rule page, then the summary', () => {
  const lines = REPORTERS.text.format(run).split('\n');
  assert.equal(lines[0], `catalog/codes/a.yaml:4:11  error  category-known  unknown category "notfound"  hint: did you mean "not_found"?  docs: ${RULE_PAGE}category-known/`);
  assert.ok(lines[1]!.startsWith('catalog/codes/b c.yaml:1:1  warning  schema-comment  '));
  assert.ok(lines[1]!.endsWith(`  docs: ${RULE_PAGE}schema-comment/`));
  assert.deepEqual(lines.slice(2), ['', '1 error, 1 warning in 2 codes', '']);
});

test("rule pages are the project's, whatever the catalog's docs_url (sites that add the plugin publish none)", () => {
  // The project's documentation site, named once: package.json's homepage (nothing of Amy's in src/).
  const { homepage } = JSON.parse(readFileSync('package.json', 'utf8')) as { homepage: string };
  assert.equal(RULE_PAGE, `${homepage.replace(/\/$/, '')}/rules/`);
  assert.equal(REPORTERS.text.format({ ...run, docsUrl: undefined }), REPORTERS.text.format(run));
});

test('json: the diagnostics as data, each with its rule page', () => {
  const data = JSON.parse(REPORTERS.json.format(run));
  assert.equal(data.codes, 2);
  assert.deepEqual(data.diagnostics[0], { ...diagnostics[0], docs: `${RULE_PAGE}category-known/` });
});

test('github: one annotation per diagnostic, properties and message escaped, then the summary', () => {
  const lines = REPORTERS.github.format(run).trimEnd().split('\n');
  assert.equal(lines[0], `::error file=catalog/codes/a.yaml,line=4,col=11,title=category-known::unknown category "notfound" (hint: did you mean "not_found"?) — ${RULE_PAGE}category-known/`);
  assert.match(lines[1]!, /^::warning file=catalog\/codes\/b c\.yaml,line=1,col=1,title=schema-comment::/);
  assert.equal(lines[2], '1 error, 1 warning in 2 codes');
});

test('markdown: a list item per diagnostic, the rule linked to its page', () => {
  const out = REPORTERS.markdown.format(run);
  assert.ok(out.includes('\n- `catalog/codes/a.yaml:4:11` **error** [`category-known`](<' + RULE_PAGE + 'category-known/>): `unknown category "notfound"` — hint: `did you mean "not_found"?`\n'));
});

test('sarif: valid SARIF 2.1.0, every rule described, results at their file, line and column', () => {
  const log = JSON.parse(REPORTERS.sarif.format(run));
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 1));
  const [result] = log.runs[0].results;
  assert.equal(result.ruleId, 'category-known');
  assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, 'category-known');
  assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].helpUri, `${RULE_PAGE}category-known/`);
  assert.deepEqual(result.locations[0].physicalLocation, { artifactLocation: { uri: 'catalog/codes/a.yaml' }, region: { startLine: 4, startColumn: 11 } });
  assert.equal(log.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri, 'catalog/codes/b%20c.yaml');
  assert.equal(log.runs[0].results[1].level, 'warning');
});

test('sarif: a backslash in a file name is a character of it, not a path separator', () => {
  assert.equal(artifactUri('catalog/codes/a\\b.yaml'), 'catalog/codes/a%5Cb.yaml');
});

test('property: a relative file path survives as a SARIF URI, segment for segment (RFC 3986)', () => {
  const awkward = fc.string({ unit: fc.constantFrom('\\', '%', '#', '?', ':', ';', '@', ' ', '.', 'a', 'é'), minLength: 1 });
  const segment = fc.oneof(awkward, fc.string({ unit: 'binary', minLength: 1 })).filter((s) => !s.includes('/') && !s.includes('\0') && s !== '.' && s !== '..');
  fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
    const path = segments.join('/');
    const uri = artifactUri(path);
    assert.doesNotMatch(uri, /^[a-z][a-z0-9+.-]*:/i, 'a relative path must not read as a scheme');
    assert.equal(decodeURIComponent(new URL(uri, 'file:///base/').pathname), `/base/${path}`);
  }), { numRuns: 300 });
});

test('sarif: a site-contract or internal-error result points at a described rule too', () => {
  for (const rule of ['site-contract', 'internal-error'] as const) {
    const log = JSON.parse(REPORTERS.sarif.format({ ...run, diagnostics: [{ ...run.diagnostics[0]!, rule }] }));
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 1));
    const [result] = log.runs[0].results;
    assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex]?.id, rule);
    assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].helpUri, `${RULE_PAGE}${rule}/`);
  }
});

// Hostile strings: anything, with extra weight on the characters each format cares about.
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.constantFrom('\n', '\r', '\u001b[31m', '%', ':', ',', '::', '::add-mask::', '::stop-commands::x', '`', '``', '<script>', '<img src=x>',
    '](javascript:alert(1))', '[x](https://evil.example)', '![i](https://evil.example/i.png)', '@octocat', 'https://evil.example', 'www.evil.example',
    '|', '\\', '*', '_', '#', '\u202e', '\u2028', ' ', 'a'), { maxLength: 12 }).map((parts) => parts.join('')),
);
const hostile = fc.record({
  file: nasty,
  line: fc.integer({ min: 1, max: 1e6 }),
  col: fc.integer({ min: 1, max: 1e6 }),
  severity: fc.constantFrom(...SEVERITIES),
  rule: fc.constantFrom('category-known', 'raw-html', 'schema-comment') as fc.Arbitrary<Diagnostic['rule']>,
  message: nasty,
  hint: nasty,
}).map((d): Diagnostic => ({ ...d }));
const runs = fc.array(hostile, { minLength: 1, maxLength: 5 }).map((list): Run => ({ diagnostics: list, codeCount: list.length, docsUrl: DOCS }));

test('property: text output has one line per diagnostic and no control character but newlines', () => {
  fc.assert(fc.property(runs, (r) => {
    const out = REPORTERS.text.format(r);
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.equal(out.split('\n').length, r.diagnostics.length + 3);
  }));
});

test('property: json output parses back to the same diagnostics', () => {
  fc.assert(fc.property(runs, (r) => {
    const data = JSON.parse(REPORTERS.json.format(r));
    assert.deepEqual(data.diagnostics.map(({ docs: _, ...d }: { docs: string }) => d), r.diagnostics);
  }));
});

/** GitHub's runner reads `::command props::message` per line and unescapes %XX. */
function parseWorkflowCommand(line: string) {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/s.exec(line);
  if (!m) return undefined;
  const codes: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',' };
  const unescape = (s: string) => s.replace(/%25|%0D|%0A|%3A|%2C/g, (c) => codes[c]!);
  // Each property is key=value, split at the first '='.
  const props = Object.fromEntries(m[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
  return { command: m[1], props, message: unescape(m[3]!) };
}

test('property: github output is one command per diagnostic whose properties and message decode to the originals', () => {
  fc.assert(fc.property(runs, (r) => {
    const lines = REPORTERS.github.format(r).trimEnd().split('\n');
    assert.equal(lines.length, r.diagnostics.length + 1);
    r.diagnostics.forEach((d, i) => {
      const cmd = parseWorkflowCommand(lines[i]!);
      assert.ok(cmd, lines[i]);
      assert.equal(cmd.command, { error: 'error', warning: 'warning', info: 'notice' }[d.severity]);
      assert.deepEqual(cmd.props, { file: d.file, line: String(d.line), col: String(d.col), title: d.rule });
      const shown = `${d.message}${d.hint ? ` (hint: ${d.hint})` : ''} — `;
      assert.ok(cmd.message.startsWith(shown), `${JSON.stringify(cmd.message)} should start with ${JSON.stringify(shown)}`);
    });
    assert.doesNotMatch(lines.at(-1)!, /^::/);
  }));
});

// GitHub-flavoured: HTML allowed, bare URLs linked (as GitHub does).
const gfm = new MarkdownIt({ html: true, linkify: true });

test('property: markdown output carries catalog text only in code spans (no HTML, link, image or mention)', () => {
  fc.assert(fc.property(runs, (r) => {
    const tokens = gfm.parse(REPORTERS.markdown.format(r), {}).flatMap((t) => [t, ...(t.children ?? [])]);
    for (const t of tokens) {
      assert.ok(t.type !== 'html_inline' && t.type !== 'html_block' && t.type !== 'image', t.type);
      if (t.type === 'link_open') assert.ok(String(t.attrGet('href')).startsWith(RULE_PAGE), String(t.attrGet('href')));
      // Outside code spans, only our own words: no @mention can form.
      if (t.type === 'text') assert.doesNotMatch(t.content, /@/);
    }
    const items = tokens.filter((t) => t.type === 'list_item_open').length;
    assert.equal(items, r.diagnostics.length);
  }));
});

test('property: sarif output is valid SARIF whatever the strings', () => {
  fc.assert(fc.property(runs, (r) => {
    const log = JSON.parse(REPORTERS.sarif.format(r));
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3)));
    assert.equal(log.runs[0].results.length, r.diagnostics.length);
  }), { numRuns: 50 });
});

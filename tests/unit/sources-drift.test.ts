// The source scan's findings can be trusted: tests/fixtures/source-scan is a payments
// server with dotted, numeric and upper-case codes and one of each drift planted (a code
// built at run time, codes in comments, vendored folders, a status the catalog does not
// give); its clean parts raise nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { withoutComments } from '../../src/bridges/source-text.ts';
import { compileSourcePattern } from '../../src/bridges/sources.ts';
import { mutateFixture } from './helpers.ts';

const FIXTURE = 'tests/fixtures/source-scan';

function sourceFindings(dir: string): Diagnostic[] {
  return checkCatalog(join(dir, 'catalog')).diagnostics.filter((d) => d.rule.startsWith('source-'));
}

const brief = (list: Diagnostic[]) => list.map((d) => `${d.file.slice(d.file.indexOf('/catalog/') + 1 || d.file.indexOf('/server/') + 1)}:${d.line}:${d.col} ${d.severity} ${d.rule}`);

test('the planted drifts, each once at its place, and nothing for the clean parts', () => {
  assert.deepEqual(brief(sourceFindings(FIXTURE)), [
    'catalog/codes/order.cancelled.yaml:2:7 warning source-unused-code',
    'server/src/cards.ts:6:22 info source-dynamic-code',
    'server/src/quota.ts:5:34 error source-status-mismatch',
    'server/src/quota.ts:6:22 info source-dynamic-code',
    'server/worker/cards.py:8:20 info source-dynamic-code',
  ]);
});

test('a code built at run time is reported as unresolvable, and the codes it could produce are not called unused', () => {
  const found = sourceFindings(FIXTURE);
  const dynamic = found.filter((d) => d.rule === 'source-dynamic-code');
  assert.equal(dynamic[0]!.message, 'the code `card.${reason}` is built at run time and cannot be resolved');
  assert.match(dynamic[0]!.hint!, /"card\.declined", "card\.expired"/);
  assert.equal(dynamic[1]!.message, "the code 'quota.' + period is built at run time and cannot be resolved");
  assert.match(dynamic[1]!.hint!, /"quota\.daily"/);
  // A Python f-string: its `{…}` are code.
  assert.equal(dynamic[2]!.message, 'the code f"card.{reason}" is built at run time and cannot be resolved');
  assert.match(dynamic[2]!.hint!, /"card\.declined", "card\.expired"/);
  // card.expired and quota.daily are emitted only through those calls; `card.` and
  // `quota.` (what the pattern reads of them) are no codes.
  assert.ok(!found.some((d) => /card\.expired|quota\.daily|"card\."|"quota\."/.test(d.message)), JSON.stringify(found));
  // Written out as a literal, the same call counts as an emission.
  const literal = mutateFixture(FIXTURE, [['server/src/quota.ts', "'quota.' + period", "'quota.daily'"]]);
  assert.ok(!sourceFindings(literal).some((d) => d.file.endsWith('quota.ts') && d.rule === 'source-dynamic-code'));
});

test('a code named only in a comment (line, block, JSDoc) is no emission', () => {
  const found = sourceFindings(FIXTURE);
  // order.cancelled appears in a JSDoc, a line comment, a regex literal and a Python `#`
  // comment; order.locked in a block comment.
  assert.ok(found.some((d) => d.rule === 'source-unused-code' && /"order\.cancelled"/.test(d.message)));
  assert.ok(!found.some((d) => /order\.locked/.test(d.message)));
  // The same call out of the comment is read, on its line.
  const uncommented = mutateFixture(FIXTURE, [['server/src/orders.ts', "  // throw new ApiError('order.cancelled', 409);", "  throw new ApiError('order.cancelled', 409);"]]);
  assert.ok(!sourceFindings(uncommented).some((d) => /order\.cancelled/.test(d.message)));
});

test('comments are blanked in place; strings, template literals and regular expressions are kept', () => {
  const ts = "const a = 'http://x'; // gone\nconst b = `${'/*'}` + /\\/\\/[/]/.source; /* gone\ntoo */ f('kept');";
  const out = withoutComments(ts, 'a.ts');
  assert.equal(out.length, ts.length);
  assert.equal(out.split('\n').length, 3);
  assert.ok(!/gone|too/.test(out));
  assert.match(out, /'http:\/\/x'/);
  assert.match(out, /f\('kept'\)/);
  assert.match(out, /\/\\\/\\\/\[\/\]\//);
  const py = "raise ApiError('a') # raise ApiError('b')\ns = '#not'";
  assert.equal(withoutComments(py, 'x.py'), `raise ApiError('a') ${' '.repeat("# raise ApiError('b')".length)}\ns = '#not'`);
});

test('vendored folders and build output are skipped unless a glob names them', () => {
  assert.ok(!sourceFindings(FIXTURE).some((d) => /vendored/.test(d.message)));
  const named = mutateFixture(FIXTURE, [['catalog/catalog.yaml', "include: ['../server/**/*.ts']", "include: ['../server/**/*.ts', '../server/vendor/**/*.ts', '../server/**/dist/*.ts']"]]);
  const vendored = sourceFindings(named).filter((d) => /vendored\.code/.test(d.message)).map((d) => d.file.slice(d.file.indexOf('/server/') + 1));
  assert.deepEqual(vendored.sort(), ['server/dist/index.ts', 'server/vendor/legacy/index.ts']);
});

test('a pattern that stops at a dot: the hint names the catalog code the capture is a prefix of', () => {
  const cut = mutateFixture(FIXTURE, [['catalog/catalog.yaml', '([\\w.:-]+)["\'`]', '([a-z_]+)']]);
  const unknown = sourceFindings(cut).find((d) => d.rule === 'source-unknown-code' && /"card"/.test(d.message));
  assert.ok(unknown, 'card.declined read as "card"');
  assert.match(unknown.hint!, /your pattern captured "card": did it stop at a "\."\? The catalog has "card\.declined", "card\.expired"/);
});

test('the documented pattern reads dotted, numeric and upper-case codes whole', () => {
  // Every literal code of the fixture is found: none is unknown, only the commented one is unused.
  const found = sourceFindings(FIXTURE);
  assert.ok(!found.some((d) => d.rule === 'source-unknown-code'));
  assert.deepEqual(found.filter((d) => d.rule === 'source-unused-code').map((d) => d.message), ['no source file emits "order.cancelled"']);
});

test('a status at the call site that the catalog does not give the code is a mismatch; the optional status group may be absent', () => {
  const mismatch = sourceFindings(FIXTURE).filter((d) => d.rule === 'source-status-mismatch');
  assert.deepEqual(mismatch.map((d) => d.message), ['the server sends "RATE_LIMITED" with status 503; the catalog gives it 429']);
  assert.match(mismatch[0]!.hint!, /send 429, or add 503/);
  // Without the status group, no status is compared.
  const plain = mutateFixture(FIXTURE, [['catalog/catalog.yaml', '(?:,\\s*(?<status>\\d{3}))?', '']]);
  assert.ok(!sourceFindings(plain).some((d) => d.rule === 'source-status-mismatch'));
});

test('the manual\'s example patterns read every code style the check accepts whole', () => {
  const guide = readFileSync('docs/src/content/docs/guides/openapi.md', 'utf8');
  const patterns = [...guide.matchAll(/^ {4}pattern: (.+)$/gm)].map((m) => m[1]!);
  assert.equal(patterns.length, 2); // TypeScript and Python
  for (const pattern of patterns) {
    const { re, codeGroup } = compileSourcePattern(pattern);
    const call = pattern.startsWith('raise') ? 'raise ApiError' : 'new ApiError';
    for (const code of ['card.declined', '40401', 'RATE_LIMITED', 'order_not_found']) {
      re.lastIndex = 0;
      assert.equal(re.exec(`${call}('${code}', 402)`)?.[codeGroup], code, `${pattern} on ${code}`);
    }
  }
});

// restates-generated: prose that says again what the card already shows from a code's
// fields (a status badge, the retry sentence, a row of its headers or extension values)
// is a warning, pointed at the sentence; prose that only shares a few words is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { mutateFixture, type Edit } from './helpers.ts';

const T = 'codes/thing_not_found.yaml';
const R = 'codes/rate_limited.yaml';
const RULE = 'restates-generated';

function hits(edits: Edit[]) {
  const result = checkCatalog(mutateFixture('tests/fixtures/mini', edits));
  assert.ok(result.model, 'a warning does not stop the build');
  return result.diagnostics.filter((d) => d.rule === RULE);
}

test('the retry sentence: prose naming Retry-After when retry.honour_retry_after says it', () => {
  const found = hits([[R, '  when: always\n', '  when: always\n  honour_retry_after: true\n']]);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.ok(found[0]!.file.endsWith(R));
  assert.deepEqual([found[0]!.line, found[0]!.col], [7, 11]);
  assert.match(found[0]!.message, /^recovery restates the retry sentence/);
  assert.ok(found[0]!.hint);
  // Without the structured field, the prose is where the fact lives: nothing to report.
  assert.deepEqual(hits([]), []);
});

test('a status badge: "404 Not Found" written out in the prose', () => {
  const found = hits([[T, '  The thing does not exist,', '  The status is 404 Not Found. The thing does not exist,']]);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^when restates the status badge "404 Not Found": The status is 404 Not Found\.$/);
  assert.deepEqual([found[0]!.line, found[0]!.col], [7, 3]);
  // Wrapped across two lines of the YAML, it is the same phrase.
  assert.equal(hits([[T, '  The thing does not exist,', '  The status is 404 Not\n  Found. The thing does not exist,']]).length, 1);
});

test('a row of a generated table, said again as a list item', () => {
  const row = 'Seconds to wait before sending the next request.';
  const found = hits([
    [R, 'description: Seconds to wait.', `description: ${row}`],
    [R, 'recovery: Wait `Retry-After` seconds.', 'recovery: |\n  Read the header:\n\n  - The seconds to wait before sending your next request.\n'],
  ]);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^recovery restates the table of headers \(Retry-After\)/);
  assert.deepEqual([found[0]!.line, found[0]!.col], [10, 5]);
});

test('prose sharing a few words with a row is not a restatement', () => {
  assert.deepEqual(hits([
    [R, 'description: Seconds to wait.', 'description: Seconds to wait before sending the next request.'],
    [R, 'recovery: Wait `Retry-After` seconds.', 'recovery: Send the next request later, in a minute.'],
  ]), []);
});

test('the quick way (whole texts tested first) finds what testing every sentence finds, on random prose', async () => {
  const fc = (await import('fast-check')).default;
  const { restatements } = await import('../../src/rules/restates-generated.ts');
  const piece = fc.constantFrom('429', '404', 'Too', 'Many', 'Requests', 'Not', 'Found', 'not found', 'too many requests', 'Retry-After', 'retry-after',
    'Seconds', 'to', 'wait', 'before', 'sending', 'the', 'next', 'request', 'quota', 'window', '.', '!', '?', ' ', ' ', '\n', '\n\n', '\n- ', '\n1. ', '\n  ',
    '`x`', 'é', 'Σ');
  const prose = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  const data = fc.record({
    status: fc.constantFrom(429, 404, [404, 429], 418),
    retry: fc.record({ when: fc.constant('always'), honour_retry_after: fc.boolean(), advice: fc.option(prose, { nil: undefined }) }),
    when: prose,
    recovery: prose,
    notes: fc.option(prose, { nil: undefined }),
    headers: fc.constantFrom(undefined, [{ name: 'Retry-After', description: 'Seconds to wait before sending the next request.' }]),
    extensions: fc.constantFrom(undefined, [{ name: 'error.reason', type: 'string', description: 'Why.', values: [{ value: 'quota', meaning: 'The quota of the window is used up by requests.' }] }]),
  });
  let found = 0;
  fc.assert(fc.property(data, (d) => {
    const code = { code: 'x', category: 'c', summary: 's', ...d } as unknown as Parameters<typeof restatements>[0];
    const slow = restatements(code, false);
    assert.deepEqual(restatements(code, true), slow);
    if (slow.length) found++;
  }), { numRuns: 3000 });
  // Restatements were there to find.
  assert.ok(found > 30, `${found} runs found one`);
});

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

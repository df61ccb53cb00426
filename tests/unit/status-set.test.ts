// A code's status list is a set: the same statuses in another order are the same contract,
// for the stability rule, the lock and the review alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { branch, edit, errcat, repo } from '../helpers/git-repo.ts';
import { mutateFixture } from './helpers.ts';

/** A repository whose main is the mini catalog where rate_limited shipped with 429 and 503. */
function repoWithTwoStatuses(): string {
  return repo(mutateFixture('tests/fixtures/mini', [
    ['catalog.yaml', '  "429": Rate limited.', '  "429": Rate limited.\n  "503": Overloaded.\n  "500": Broken.'],
    ['codes/rate_limited.yaml', 'status: [429]', 'status: [429, 503]'],
    ['shipped.yaml', 'status: [429]', 'status: [429, 503]'],
  ]));
}

test('the same statuses in another order are no change: no error, no review entry', () => {
  const dir = repoWithTwoStatuses();
  branch(dir, 'reorder', () => {
    edit(dir, 'codes/rate_limited.yaml', 'status: [429, 503]', 'status: [503, 429]');
  });
  const r = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(r.code, 0, r.out);
  assert.doesNotMatch(r.out, /shipped-status-changed|shipped-lock-edited/);
  assert.match(r.out, /review against main: 0 added, 0 changed, 0 removed/);
  assert.doesNotMatch(errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'github').out, /^::/m, 'no annotation');
  branch(dir, 'reorder-lock', () => edit(dir, 'shipped.yaml', 'status: [429, 503]', 'status: [503, 429]'));
  const lock = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(lock.code, 0, lock.out);
});

test('a real status change names what was added and removed', () => {
  const dir = repoWithTwoStatuses();
  branch(dir, 'change', () => edit(dir, 'codes/rate_limited.yaml', 'status: [429, 503]', 'status: [500, 429]'));
  const r = errcat(dir, 'check', 'catalog');
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /shipped-status-changed  status of shipped code "rate_limited" changed from 429, 503 to 500, 429 \(added 500; removed 503\)/);
  const review = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.match(review.out, /changed\s+rate_limited .*\n    status: 429, 503 -> 500, 429\n/);
});

test('reordered statuses beside a real edit: the review shows the edit only', () => {
  const dir = repoWithTwoStatuses();
  branch(dir, 'both', () => {
    edit(dir, 'codes/rate_limited.yaml', 'status: [429, 503]', 'status: [503, 429]');
    edit(dir, 'codes/rate_limited.yaml', 'summary: Too many requests.', 'summary: Far too many requests.');
  });
  const r = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /changed\s+rate_limited .*\n    summary:\n      \[-Too-\]\{\+Far\+\} \{\+too \+\}many requests\.\n\n/);
  assert.doesNotMatch(r.out, /    status:/);
});

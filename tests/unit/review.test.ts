// Stability and review on real temporary git repositories: one branch per kind of change.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { branch, edit as editFile, errcat, repo } from '../helpers/git-repo.ts';

const edit = editFile;

/** Delete the rate_limited code and the references to it, leaving a clean catalog otherwise. */
function deleteRateLimited(dir: string) {
  rmSync(join(dir, 'catalog/codes/rate_limited.yaml'));
  edit(dir, 'codes/thing_not_found.yaml', 'Not the same as [rate_limited](#rate_limited).', 'Check the key.');
  edit(dir, 'codes/thing_not_found.yaml', 'related:\n  - code: rate_limited\n    note: Different problem entirely.\n', '');
}

test('deleting a shipped code fails, pointing at the lock, and the review lists it as removed', () => {
  const dir = repo();
  branch(dir, 'delete', () => {
    deleteRateLimited(dir);
  });
  const r = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /catalog\/shipped\.yaml:\d+:1  error  shipped-code-removed  shipped code "rate_limited" was removed  hint: .*deprecated/);
  assert.match(r.out, /removed\s+rate_limited/);
  const md = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'markdown');
  assert.equal(md.code, 1);
  assert.match(md.out, /\*\*0 added · 1 changed · 1 removed\*\*/);
  assert.match(md.out, /\| ➖ removed \| `rate_limited` \| 429 \|/);
});

test('removing the code from the lock as well is caught by the review', () => {
  const dir = repo();
  branch(dir, 'delete-and-unlock', () => {
    deleteRateLimited(dir);
    edit(dir, 'shipped.yaml', 'rate_limited: { status: [429], category: limits }\n', '');
  });
  assert.equal(errcat(dir, 'check', 'catalog').code, 0, 'without a base the lock alone cannot know');
  const r = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(r.code, 1);
  assert.match(r.out, /shipped-lock-edited  shipped code "rate_limited" was removed from the lock/);
});

test('changing the status of a shipped code fails at the status line', () => {
  const dir = repo();
  branch(dir, 'status', () => {
    edit(dir, 'codes/thing_not_found.yaml', 'status: 404', 'status: 410');
    edit(dir, 'codes/thing_not_found.yaml', 'HTTP/1.1 404 Not Found', 'HTTP/1.1 410 Gone');
    edit(dir, 'catalog.yaml', '  "429": Rate limited.', '  "429": Rate limited.\n  "410": Gone for good.');
  });
  const r = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /catalog\/codes\/thing_not_found\.yaml:3:9  error  shipped-status-changed  status of shipped code "thing_not_found" changed from 404 to 410/);
  assert.match(r.out, /changed\s+thing_not_found  410 Gone, category not_found\n    status: 404 -> 410\n/);
  assert.match(r.out, /    examples\[1\]\.code:\n      -HTTP\/1\.1 404 Not Found\n      \+HTTP\/1\.1 410 Gone\n       Content-Type: application\/json\n/);
  const gh = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'github');
  assert.match(gh.out, /^::error file=catalog\/codes\/thing_not_found\.yaml,line=3,col=9,title=shipped-status-changed::/m);
  assert.match(gh.out, /^::notice file=catalog\/codes\/thing_not_found\.yaml,line=3,title=changed thing_not_found%3A status::404 -> 410$/m);
  assert.match(gh.out, /^::notice file=catalog\/codes\/thing_not_found\.yaml,line=\d+,title=changed thing_not_found%3A examples\[1\]\.code::-HTTP\/1\.1 404 Not Found%0A\+HTTP\/1\.1 410 Gone%0A/m);
});

test('deprecating a code properly passes and shows as changed, field by field', () => {
  const dir = repo();
  branch(dir, 'deprecate', () => {
    edit(dir, 'codes/rate_limited.yaml', 'summary: Too many requests.',
      'summary: Too many requests (deprecated).\nlifecycle:\n  state: deprecated\n  since: 2026-11-01\n  replacement: thing_not_found\n  note: Limits moved to the gateway.');
  });
  const r = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'markdown', '--preview-url', 'https://pr-7.preview.test');
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /\*\*0 added · 1 changed · 0 removed\*\*/);
  assert.match(r.out, /✅ The check passed/);
  assert.match(r.out, /\| ✏️ changed \| \[`rate_limited`\]\(<https:\/\/pr-7\.preview\.test\/errors#rate_limited>\) \| 429 \| `summary`, `lifecycle`, `lifecycle\.note` \|/);
  assert.match(r.out, /\*\*`summary`\*\*\n\n> Too many requests<ins> \\\(deprecated\\\)<\/ins>\\\.\n/);
  // The lifecycle in words, not a JSON blob.
  assert.match(r.out, /\*\*`lifecycle`\*\*: active → deprecated since 2026\\-11\\-01, replaced by `thing_not_found`\n/);
  assert.doesNotMatch(r.out, /"state"/);
  const text = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.match(text.out, /    lifecycle: active -> deprecated since 2026-11-01, replaced by `thing_not_found`\n/);
  assert.match(text.out, /    lifecycle\.note: \(new\)\n      \{\+Limits moved to the gateway\.\+\}\n/);
});

test('adding a code passes, shows as added, and ship records it', () => {
  const dir = repo();
  branch(dir, 'add', () => {
    const text = readFileSync(join(dir, 'catalog/codes/rate_limited.yaml'), 'utf8').replaceAll('rate_limited', 'quota_exhausted');
    writeFileSync(join(dir, 'catalog/codes/quota_exhausted.yaml'), text);
  });
  const r = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'json');
  assert.equal(r.code, 0, r.out);
  const { review } = JSON.parse(r.out);
  assert.deepEqual(review.added.map((c: { code: string }) => c.code), ['quota_exhausted']);
  assert.deepEqual([review.changed.length, review.removed.length], [0, 0]);
  const ship = errcat(dir, 'ship', 'catalog', '--date', '2026-11-20');
  assert.equal(ship.code, 0);
  assert.match(ship.out, /shipped 1 code on 2026-11-20: quota_exhausted/);
  assert.match(readFileSync(join(dir, 'catalog/shipped.yaml'), 'utf8'), /^quota_exhausted: \{ status: \[429\], category: limits, date: 2026-11-20 \}$/m);
  assert.match(errcat(dir, 'ship', 'catalog').out, /nothing to ship/);
});

test('renaming a shipped code is named as a rename against a base, with how sure; the lock alone cannot tell', () => {
  const dir = repo();
  branch(dir, 'rename', () => {
    const p = join(dir, 'catalog/codes/rate_limited.yaml');
    writeFileSync(join(dir, 'catalog/codes/too_many_requests.yaml'), readFileSync(p, 'utf8').replaceAll('rate_limited', 'too_many_requests'));
    rmSync(p);
    edit(dir, 'codes/thing_not_found.yaml', '(#rate_limited)', '(#too_many_requests)');
    edit(dir, 'codes/thing_not_found.yaml', '[rate_limited]', '[too_many_requests]');
    edit(dir, 'codes/thing_not_found.yaml', '  - code: rate_limited', '  - code: too_many_requests');
  });
  const alone = errcat(dir, 'check', 'catalog');
  assert.equal(alone.code, 1);
  assert.match(alone.out, /shipped-code-removed  shipped code "rate_limited" was removed/);
  assert.doesNotMatch(alone.out, /rename/, 'without the old content a rename is a guess: say nothing');
  const r = errcat(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(r.code, 1);
  assert.match(r.out, /shipped-code-renamed  shipped code "rate_limited" is gone and "too_many_requests" looks like its new name \(100% of the content is the same: almost certain\)/);
  assert.match(r.out, /  rate_limited -> too_many_requests looks like a rename \(100% of the content is the same: almost certain\)/);
  const md = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'markdown');
  assert.match(md.out, /🔁 `rate_limited` → `too_many_requests` looks like a rename/);
  const json = JSON.parse(errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'json').out);
  assert.deepEqual(json.review.renames, [{ from: 'rate_limited', to: 'too_many_requests', similarity: 1, confidence: 'almost certain' }]);
});

test('an unknown base ref is misuse (exit 2)', () => {
  const dir = repo();
  const r = errcat(dir, 'check', 'catalog', '--base', 'no-such-branch');
  assert.equal(r.code, 2);
  assert.match(r.out, /cannot read git revision "no-such-branch"/);
});

// Stability and review on real temporary git repositories: one branch per kind of change.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ERRCAT = resolve('bin/errcat.js');

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-git-'));
  cpSync('tests/fixtures/mini', join(dir, 'catalog'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
  return dir;
}

function branch(dir: string, name: string, change: () => void) {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe' });
  git('checkout', '-q', '-b', name, 'main');
  change();
  git('add', '-A');
  git('commit', '-qm', name);
}

function errcat(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [ERRCAT, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

const edit = (dir: string, file: string, find: string, replace: string) => {
  const p = join(dir, 'catalog', file);
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(find), `${find} in ${file}`);
  writeFileSync(p, text.replace(find, replace));
};

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
  assert.match(r.out, /changed\s+thing_not_found \(410\): status, examples/);
  const gh = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'github');
  assert.match(gh.out, /^::error file=catalog\/codes\/thing_not_found\.yaml,line=3,col=9,title=shipped-status-changed::/m);
  assert.match(gh.out, /^::notice file=catalog\/codes\/thing_not_found\.yaml,line=3,title=changed thing_not_found::changed: status, examples/m);
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
  assert.match(r.out, /\| ✏️ changed \| \[`rate_limited`\]\(https:\/\/pr-7\.preview\.test\/errors#rate_limited\) \| 429 \| `summary`, `lifecycle` \|/);
  assert.match(r.out, /- `summary`: Too many requests\. → Too many requests \(deprecated\)\./);
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
  const ship = errcat(dir, 'ship', 'catalog');
  assert.equal(ship.code, 0);
  assert.match(ship.out, /shipped 1 code: quota_exhausted/);
  assert.match(readFileSync(join(dir, 'catalog/shipped.yaml'), 'utf8'), /^quota_exhausted: \{ status: \[429\], category: limits \}$/m);
  assert.match(errcat(dir, 'ship', 'catalog').out, /nothing to ship/);
});

test('renaming a shipped code is named as a rename', () => {
  const dir = repo();
  branch(dir, 'rename', () => {
    const p = join(dir, 'catalog/codes/rate_limited.yaml');
    writeFileSync(join(dir, 'catalog/codes/too_many_requests.yaml'), readFileSync(p, 'utf8').replaceAll('rate_limited', 'too_many_requests'));
    rmSync(p);
    edit(dir, 'codes/thing_not_found.yaml', '(#rate_limited)', '(#too_many_requests)');
    edit(dir, 'codes/thing_not_found.yaml', '[rate_limited]', '[too_many_requests]');
    edit(dir, 'codes/thing_not_found.yaml', '  - code: rate_limited', '  - code: too_many_requests');
  });
  const r = errcat(dir, 'check', 'catalog');
  assert.equal(r.code, 1);
  assert.match(r.out, /shipped-code-renamed  shipped code "rate_limited" is gone and "too_many_requests" looks like its new name/);
});

test('an unknown base ref is misuse (exit 2)', () => {
  const dir = repo();
  const r = errcat(dir, 'check', 'catalog', '--base', 'no-such-branch');
  assert.equal(r.code, 2);
  assert.match(r.out, /cannot read git revision "no-such-branch"/);
});

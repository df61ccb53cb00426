// `check --cache` trusts its cache file, so a cache the checked repository could have
// supplied is never used: one git tracks, one reached through a committed symbolic link,
// any in CI unless ERRCAT_CACHE_IN_CI=1. A cache file that is a FIFO or a link is a miss.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { RACY_MS } from '../../src/cli/cache.ts';
import { edit, repo } from '../helpers/git-repo.ts';

const { CI: _ci, ERRCAT_CACHE_IN_CI: _in, ...env } = process.env;

function errcat(cwd: string, args: readonly string[], extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [resolve('bin/errcat.js'), 'check', 'catalog', ...args], { cwd, encoding: 'utf8', env: { ...env, ...extra }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, signal: r.signal };
}
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, stdio: 'pipe' });
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
/** The runs' replay files, not the per-file records beside them (check-<key>.files.json). */
const runs = (dir: string) => files(dir).filter((n) => /^check-[0-9a-f]{8}\.json$/.test(n));

/** A checkout whose catalog has one error (exit 1). */
function brokenCheckout(): string {
  const dir = repo();
  edit(dir, 'codes/thing_not_found.yaml', 'category: not_found', 'category: notfound');
  return dir;
}

test('a committed cache file that says "clean" is neither read nor written: the check runs', () => {
  const dir = brokenCheckout();
  const honest = errcat(dir, ['--cache-location', '.errcat-cache']);
  assert.equal(honest.code, 1, honest.out);
  // The forger ran the check, then turned the stored report into a clean one and committed it.
  const [name] = runs(join(dir, '.errcat-cache'));
  const file = join(dir, '.errcat-cache', name!);
  const forged = JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), output: 'catalog clean\n', status: 0 });
  writeFileSync(file, forged);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'forged cache');
  const r = errcat(dir, ['--cache-location', '.errcat-cache']);
  assert.equal(r.code, 1, r.out);
  assert.equal(r.out, honest.out);
  assert.equal(readFileSync(file, 'utf8'), forged, 'not replaced either');
});

test('a committed records file (per-file findings) is not read after an edit: the changed catalog is checked in full', async () => {
  const dir = brokenCheckout();
  const args = ['--cache-location', '.errcat-cache'];
  // Old enough that the records would vouch for the files (cache.ts's racy window).
  await new Promise((ok) => setTimeout(ok, RACY_MS + 500));
  assert.equal(errcat(dir, args).code, 1);
  const records = join(dir, '.errcat-cache', files(join(dir, '.errcat-cache')).find((n) => n.endsWith('.files.json'))!);
  // The forger clears every kept finding and commits the records.
  writeFileSync(records, readFileSync(records, 'utf8').replace(/"diagnostics":\[[^\]]*\]/g, '"diagnostics":[]'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'forged records');
  // An edit elsewhere, so the report is not replayed.
  writeFileSync(join(dir, 'catalog/codes/rate_limited.yaml'), `${readFileSync(join(dir, 'catalog/codes/rate_limited.yaml'), 'utf8')}# edited\n`);
  const r = errcat(dir, args);
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /unknown category "notfound"/);
});

for (const [what, link, args] of [
  ['the cache directory', '.errcat-cache', ['--cache-location', '.errcat-cache']],
  ['a directory on the way (node_modules, default location)', 'node_modules', ['--cache']],
] as const) {
  test(`a committed symbolic link as ${what}: nothing is written through it`, () => {
    const dir = brokenCheckout();
    const outside = mkdtempSync(join(tmpdir(), 'errcat-outside-'));
    symlinkSync(outside, join(dir, link));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'link');
    for (let i = 0; i < 2; i++) assert.equal(errcat(dir, args).code, 1);
    assert.deepEqual(readdirSync(outside, { recursive: true }), []);
  });
}

test('an untracked cache in the checkout, the default place, works as before', () => {
  const dir = brokenCheckout();
  assert.equal(errcat(dir, ['--cache']).code, 1);
  assert.equal(runs(join(dir, 'node_modules/.cache/errcat')).length, 1);
});

test('in CI no cache is read or written, unless ERRCAT_CACHE_IN_CI=1', () => {
  const dir = brokenCheckout();
  const cache = mkdtempSync(join(tmpdir(), 'errcat-ci-cache-'));
  for (let i = 0; i < 2; i++) assert.equal(errcat(dir, ['--cache-location', cache], { CI: 'true' }).code, 1);
  assert.deepEqual(files(cache), []);
  assert.equal(errcat(dir, ['--cache-location', cache], { CI: 'true', ERRCAT_CACHE_IN_CI: '1' }).code, 1);
  assert.equal(runs(cache).length, 1);
  assert.equal(errcat(dir, ['--cache-location', cache], { CI: 'false' }).code, 1, 'CI=false is not CI');
});

test('a cache file that is a FIFO is a miss, never waited on', () => {
  const dir = brokenCheckout();
  const cache = mkdtempSync(join(tmpdir(), 'errcat-fifo-cache-'));
  const first = errcat(dir, ['--cache-location', cache]);
  const [name] = runs(cache);
  rmSync(join(cache, name!));
  execFileSync('mkfifo', [join(cache, name!)]);
  const r = errcat(dir, ['--cache-location', cache]);
  assert.equal(r.signal, null, 'finished');
  assert.equal(r.code, 1);
  assert.equal(r.out, first.out);
});

test('a cache file that is a symbolic link is not followed, for reading or writing', () => {
  const dir = brokenCheckout();
  const cache = mkdtempSync(join(tmpdir(), 'errcat-link-cache-'));
  const first = errcat(dir, ['--cache-location', cache]);
  const [name] = runs(cache);
  const file = join(cache, name!);
  const target = join(mkdtempSync(join(tmpdir(), 'errcat-target-')), 'run.json');
  const forged = JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), output: 'catalog clean\n', status: 0 });
  writeFileSync(target, forged);
  rmSync(file);
  symlinkSync(target, file);
  const r = errcat(dir, ['--cache-location', cache]);
  assert.equal(r.code, 1);
  assert.equal(r.out, first.out);
  assert.equal(readFileSync(target, 'utf8'), forged);
});


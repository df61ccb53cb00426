// Shipping with a history: `ship [code...]` ships some codes and keeps the others
// unreleased, the lock records the version and day, old locks keep working, and the built
// site shows "since" per code and the contract's changelog.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { contractChangelog } from '../../src/model/changelog.ts';
import { checkCatalog } from '../../src/check/check.ts';
import { errorsJson } from '../../src/render/exports.ts';
import { elements } from '../helpers/html.ts';
import { branch, edit, errcat as errcatIn, repo } from '../helpers/git-repo.ts';
import { mutateFixture } from './helpers.ts';

const errcat = (...args: string[]) => {
  const r = spawnSync(process.execPath, [resolve('bin/errcat.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
};
const OLD_LOCK = readFileSync('tests/fixtures/mini/shipped.yaml', 'utf8');
const rate = readFileSync('tests/fixtures/mini/codes/rate_limited.yaml', 'utf8');

/** The mini catalog with two new codes and a deprecation, nothing shipped yet but the old lock. */
function catalogWithNewCodes(): string {
  const dir = mutateFixture('tests/fixtures/mini', [
    ['codes/thing_not_found.yaml', 'retry:\n', 'lifecycle:\n  state: deprecated\n  since: v1.4\n  replacement: rate_limited\nretry:\n'],
  ]);
  writeFileSync(join(dir, 'codes/quota_exhausted.yaml'), rate.replaceAll('rate_limited', 'quota_exhausted'));
  writeFileSync(join(dir, 'codes/slow_down.yaml'), rate.replaceAll('rate_limited', 'slow_down'));
  return dir;
}

test('a lock written before history was kept still reads, checks clean and lists its codes as shipped', () => {
  assert.doesNotMatch(OLD_LOCK, /version|date/);
  const r = checkCatalog('tests/fixtures/mini');
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.model!.codes.map((c) => [c.code, c.shipped]), [['thing_not_found', {}], ['rate_limited', {}]]);
  assert.deepEqual(contractChangelog(r.model!.codes), [{ label: undefined, added: ['rate_limited', 'thing_not_found'], deprecated: [], retired: [] }]);
});

test('ship the named codes only, with version and day; old entries kept byte for byte', () => {
  const dir = catalogWithNewCodes();
  const r = errcat('ship', dir, 'quota_exhausted', '--version', 'v1.3', '--date', '2026-11-20');
  assert.equal(r.code, 0, r.out);
  assert.equal(r.out, 'shipped 1 code in v1.3 on 2026-11-20: quota_exhausted\n');
  const lock = readFileSync(join(dir, 'shipped.yaml'), 'utf8');
  assert.match(lock, /^quota_exhausted: \{ status: \[429\], category: limits, version: v1\.3, date: 2026-11-20 \}$/m);
  assert.doesNotMatch(lock, /slow_down/, 'the code not named stays unreleased');
  for (const line of OLD_LOCK.split('\n').filter((l) => l && !l.startsWith('#'))) assert.ok(lock.includes(`${line}\n`), line);

  // The version can come from the catalog; the day defaults to today.
  writeFileSync(join(dir, 'catalog.yaml'), readFileSync(join(dir, 'catalog.yaml'), 'utf8').replace('api: Mini', 'api: Mini\nversion: v1.4'));
  const next = errcat('ship', dir);
  assert.equal(next.code, 0, next.out);
  // thing_not_found, deprecated since v1.4, ships its deprecation with it.
  assert.match(next.out, new RegExp(`^shipped 1 code in v1\\.4 on ${new Date().toISOString().slice(0, 10)}: slow_down; deprecated: thing_not_found\\n$`));
  assert.match(errcat('ship', dir, 'quota_exhausted').out, /already shipped: quota_exhausted\nnothing to ship/);

  const misuse = errcat('ship', dir, 'no_such_code');
  assert.equal(misuse.code, 2);
  assert.match(misuse.out, /not in the catalog: no_such_code/);
  assert.equal(errcat('ship', dir, '--date', '2026-13-45').code, 2);
  assert.equal(errcat('ship', dir, '--version', 'v 1; rm').code, 2);
  rmSync(dir, { recursive: true, force: true });
});

test('the changelog and errors.json: added by version, deprecated by lifecycle, newest first', () => {
  const dir = catalogWithNewCodes();
  assert.equal(errcat('ship', dir, 'quota_exhausted', '--version', 'v1.3', '--date', '2026-11-20').code, 0);
  assert.equal(errcat('ship', dir, 'slow_down', '--version', 'v1.10', '--date', '2026-12-01').code, 0);
  const model = checkCatalog(dir).model!;
  const json = errorsJson(model);
  assert.deepEqual(json.changelog, [
    { label: 'v1.10', date: '2026-12-01', added: ['slow_down'], deprecated: [], retired: [] },
    { label: 'v1.4', added: [], deprecated: ['thing_not_found'], retired: [] },
    { label: 'v1.3', date: '2026-11-20', added: ['quota_exhausted'], deprecated: [], retired: [] },
    { label: undefined, added: ['rate_limited', 'thing_not_found'], deprecated: [], retired: [] },
  ]);
  const since = (code: string) => json.codes.find((c) => c.code === code)!.since;
  assert.deepEqual(since('quota_exhausted'), { version: 'v1.3', date: '2026-11-20' });
  assert.deepEqual(since('rate_limited'), {}, 'shipped before history was kept');
  rmSync(dir, { recursive: true, force: true });
});

test('backfilling an old lock is not an edit; changing a recorded version is', () => {
  const dir = repo();
  const git = (...a: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { cwd: dir });
  branch(dir, 'backfill', () => {
    const r = errcatIn(dir, 'ship', 'catalog', '--backfill', '--version', 'v1');
    assert.equal(r.code, 0, r.out);
    assert.equal(r.out, 'recorded v1 on 2 shipped codes without history\n');
  });
  assert.match(readFileSync(join(dir, 'catalog/shipped.yaml'), 'utf8'), /^rate_limited: \{ status: \[429\], category: limits, version: v1 \}$/m);
  const ok = errcatIn(dir, 'check', 'catalog', '--base', 'main');
  assert.equal(ok.code, 0, ok.out);
  git('checkout', '-qb', 'edit-version');
  edit(dir, 'shipped.yaml', 'category: limits, version: v1 }', 'category: limits, version: v2 }');
  git('commit', '-qam', 'edit');
  const bad = errcatIn(dir, 'check', 'catalog', '--base', 'backfill');
  assert.equal(bad.code, 1, bad.out);
  assert.match(bad.out, /shipped-lock-edited  the lock entry of shipped code "rate_limited" was changed \(was status 429, category limits, version v1\)/);
});

test('a malformed history in the lock is a lock-format problem', () => {
  const dir = mutateFixture('tests/fixtures/mini', [['shipped.yaml', 'category: limits }', 'category: limits, date: yesterday }']]);
  const r = errcat('check', dir);
  assert.equal(r.code, 1);
  assert.match(r.out, /lock-format  shipped\.yaml is malformed: must be a date, YYYY-MM-DD/);
});

test('the built site shows "since" per code and the contract changelog', { timeout: 300_000 }, (t) => {
  const dir = catalogWithNewCodes();
  const out = join(mkdtempSync(join(tmpdir(), 'since-')), 'dist');
  t.after(() => rmSync(join(out, '..'), { recursive: true, force: true }));
  assert.equal(errcat('ship', dir, '--backfill', '--version', 'v1').code, 0);
  assert.equal(errcat('ship', dir, 'quota_exhausted', '--version', 'v1.3', '--date', '2026-11-20').code, 0);
  const b = spawnSync(process.execPath, ['scripts/build.ts', '--catalog', dir, '--out', out], { encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr + b.stdout);
  const els = elements(readFileSync(join(out, 'errors/index.html'), 'utf8'));
  const sinceOf = (code: string) => {
    const i = els.findIndex((e) => e.tag === 'h3' && e.attrs.id === code);
    const next = els.findIndex((e, j) => j > i && e.tag === 'h3');
    return els.slice(i, next < 0 ? undefined : next).find((e) => e.attrs.class === 'ec-since')?.text;
  };
  assert.equal(sinceOf('rate_limited'), 'Since v1');
  assert.equal(sinceOf('thing_not_found'), 'Since v1');
  assert.equal(sinceOf('quota_exhausted'), 'Since v1.3');
  assert.equal(sinceOf('slow_down'), undefined, 'an unshipped code has no "since"');
  const heading = els.find((e) => e.tag === 'h2' && e.attrs.id === 'error-contract-changelog');
  assert.equal(heading?.text, 'Changelog of the error contract');
  assert.deepEqual(els.filter((e) => e.tag === 'tr' && 'data-release' in e.attrs).map((e) => e.attrs['data-release']), ['v1.4', 'v1.3', 'v1']);
  assert.deepEqual(els.filter((e) => e.tag === 'th' && e.attrs.scope === 'row').map((e) => e.text.trim()), ['v1.4', 'v1.3 (2026-11-20)', 'v1']);
  const cells = els.filter((e) => e.tag === 'td' && e.attrs['data-kind']).map((e) => `${e.attrs['data-kind']}: ${e.text}`);
  assert.deepEqual(cells, [
    'added: ', 'deprecated: thing_not_found', 'retired: ',
    'added: quota_exhausted', 'deprecated: ', 'retired: ',
    'added: rate_limited, thing_not_found', 'deprecated: ', 'retired: ',
  ]);
  assert.ok(els.some((e) => e.tag === 'a' && e.attrs.href === '#quota_exhausted' && e.text === 'quota_exhausted'), 'codes link to their heading');
  const json = JSON.parse(readFileSync(join(out, 'errors.json'), 'utf8'));
  assert.deepEqual(json.changelog.map((r: { label: string }) => r.label), ['v1.4', 'v1.3', 'v1']);
});

test('a deprecation ships in the release that ships it: the lock records it, the changelog lists it with the codes added', () => {
  const dir = mutateFixture('tests/fixtures/mini', [
    ['codes/thing_not_found.yaml', 'retry:\n', 'lifecycle:\n  state: deprecated\n  since: 2026-12-01\nretry:\n'],
  ]);
  writeFileSync(join(dir, 'codes/slow_down.yaml'), rate.replaceAll('rate_limited', 'slow_down'));
  const r = errcat('ship', dir, '--version', 'v1.4', '--date', '2026-12-05');
  assert.equal(r.code, 0, r.out);
  assert.equal(r.out, 'shipped 1 code in v1.4 on 2026-12-05: slow_down; deprecated: thing_not_found\n');
  const lock = () => readFileSync(join(dir, 'shipped.yaml'), 'utf8');
  assert.match(lock(), /^thing_not_found: \{ status: \[404\], category: not_found, deprecated: \{ version: v1\.4, date: 2026-12-05 \} \}$/m);
  assert.match(lock(), /^rate_limited: \{ status: \[429\], category: limits \}$/m, 'an entry with nothing new is kept as it was');
  assert.deepEqual(errorsJson(checkCatalog(dir).model!).changelog, [
    { label: 'v1.4', date: '2026-12-05', added: ['slow_down'], deprecated: ['thing_not_found'], retired: [] },
    { label: undefined, added: ['rate_limited', 'thing_not_found'], deprecated: [], retired: [] },
  ]);
  assert.match(errcat('ship', dir, '--version', 'v1.4').out, /^nothing to ship/, 'a recorded deprecation is not shipped again');
  assert.equal(errcat('ship', dir, 'thing_not_found').out, 'already shipped: thing_not_found\nnothing to ship: those codes are already in shipped.yaml\n');

  // Retired in a later release: both changes keep their release.
  writeFileSync(join(dir, 'codes/thing_not_found.yaml'), readFileSync(join(dir, 'codes/thing_not_found.yaml'), 'utf8').replace('state: deprecated', 'state: retired'));
  const retire = errcat('ship', dir, 'thing_not_found', '--version', 'v1.5', '--date', '2027-01-10');
  assert.equal(retire.out, 'shipped in v1.5 on 2027-01-10: retired: thing_not_found\n');
  assert.match(lock(), /^thing_not_found: \{ .*, deprecated: \{ version: v1\.4, date: 2026-12-05 \}, retired: \{ version: v1\.5, date: 2027-01-10 \} \}$/m);
  const json = errorsJson(checkCatalog(dir).model!);
  assert.deepEqual(json.changelog.map((x) => [x.label, x.deprecated, x.retired]), [['v1.5', [], ['thing_not_found']], ['v1.4', ['thing_not_found'], []], [undefined, [], []]]);
  assert.deepEqual(json.codes.find((c) => c.code === 'thing_not_found')!.since, {}, '`since` stays when the code first shipped');
  rmSync(dir, { recursive: true, force: true });
});

test('a backfill records the lifecycle changes an old lock never recorded at their own "since", so the changelog keeps them where they were', () => {
  const dir = catalogWithNewCodes();
  const before = contractChangelog(checkCatalog(dir).model!.codes);
  const r = errcat('ship', dir, '--backfill', '--version', 'v1');
  assert.equal(r.code, 0, r.out);
  assert.match(readFileSync(join(dir, 'shipped.yaml'), 'utf8'), /^thing_not_found: \{ status: \[404\], category: not_found, version: v1, deprecated: \{ version: v1\.4 \} \}$/m);
  const after = contractChangelog(checkCatalog(dir).model!.codes);
  assert.deepEqual(after.map((x) => [x.label, x.deprecated]), before.map((x) => [x.label === undefined ? 'v1' : x.label, x.deprecated]));
  rmSync(dir, { recursive: true, force: true });
});

test('a recorded deprecation is part of the lock: removing it is an edit', () => {
  const dir = repo();
  branch(dir, 'deprecate', () => {
    edit(dir, 'codes/thing_not_found.yaml', 'retry:\n', 'lifecycle:\n  state: deprecated\n  since: v2\nretry:\n');
    assert.equal(errcatIn(dir, 'ship', 'catalog', '--version', 'v2', '--date', '2026-12-05').code, 0);
  });
  const git = (...a: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { cwd: dir });
  assert.equal(errcatIn(dir, 'check', 'catalog', '--base', 'main').code, 0, 'recording a deprecation is not an edit');
  git('checkout', '-qb', 'undo');
  edit(dir, 'shipped.yaml', ', deprecated: { version: v2, date: 2026-12-05 }', '');
  git('commit', '-qam', 'undo');
  const bad = errcatIn(dir, 'check', 'catalog', '--base', 'deprecate');
  assert.equal(bad.code, 1, bad.out);
  assert.match(bad.out, /shipped-lock-edited  the lock entry of shipped code "thing_not_found" was changed \(was status 404, category not_found, deprecated in v2 \(2026-12-05\)\)/);
});

test('a release named by a date sits among the versions by date, newest first', () => {
  const releases = contractChangelog([
    { code: 'a', shipped: { version: 'v1.3', date: '2026-11-20' } },
    { code: 'b', shipped: { version: 'v1.4', date: '2026-12-05' } },
    { code: 'c', shipped: {}, lifecycle: { state: 'deprecated', since: '2026-12-01' } },
    { code: 'd', shipped: { version: 'v1.10' } },
  ]);
  assert.deepEqual(releases.map((r) => r.label), ['v1.10', 'v1.4', '2026-12-01', 'v1.3', undefined]);
});

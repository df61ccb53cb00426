// `errcat check --cache`: the same inputs give the stored report, any change in any input
// gives a fresh one, and a damaged cache is ignored, never trusted or fatal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { main } from '../../src/cli/main.ts';
import { RACY_MS } from '../../src/cli/cache.ts';
import { DELETE, mutateFixture } from './helpers.ts';

// These runs test the cache itself; CI=true (cache-trust.ts) would turn it off.
delete process.env.CI;

function run(args: string[]) {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) => ({ write: (s: string) => (add(String(s)), true) }) as unknown as NodeJS.WritableStream;
  const code = main(args, sink((s) => (out += s)), sink((s) => (err += s)));
  return { code, out, err };
}

const cacheDir = () => mkdtempSync(join(tmpdir(), 'errcat-cache-'));
// The runs' replay files (check-<key>.json), not the per-file records beside them (check-<key>.files.json).
const runFiles = (dir: string) => readdirSync(dir).filter((n) => /^check-[0-9a-f]{8}\.json$/.test(n)).map((n) => join(dir, n));
type Stored = { key: string; output: string; reads: string[][] };
const stored = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Stored;

/** A report only the cache can produce: proves the next run replayed instead of checking. */
function mark(dir: string): void {
  for (const file of runFiles(dir)) {
    const run = stored(file);
    if (!run.output.startsWith('from the cache')) writeFileSync(file, JSON.stringify({ ...run, output: `from the cache\n${run.output}` }));
  }
}

test('an unchanged catalog replays the stored report and status, in every format', () => {
  const dir = mutateFixture('tests/fixtures/mini', [['codes/thing_not_found.yaml', 'category: not_found', 'category: notfound']]);
  const cache = cacheDir();
  for (const format of ['text', 'json', 'github', 'markdown', 'sarif']) {
    const args = ['check', dir, '--format', format, '--cache', '--cache-location', cache];
    const first = run(args);
    assert.equal(first.code, 1, first.out);
    mark(cache);
    const second = run(args);
    assert.equal(second.code, 1);
    assert.equal(second.out, `from the cache\n${first.out}`, format);
  }
  assert.equal(runFiles(cache).length, 5, 'one run per set of arguments');
  const uncached = run(['check', dir]);
  assert.equal(uncached.code, 1);
  assert.doesNotMatch(uncached.out, /from the cache/, 'without --cache nothing is replayed');
});

test('every kind of change to the inputs gives a fresh report', () => {
  const changes: [string, (dir: string) => void][] = [
    ['a code file edited', (d) => writeFileSync(join(d, 'codes/thing_not_found.yaml'), readFileSync(join(d, 'codes/thing_not_found.yaml'), 'utf8').replace('category: not_found', 'category: notfound'))],
    ['a code file added', (d) => writeFileSync(join(d, 'codes/zz_new.yaml'), 'code: zz_new\n')],
    ['a code file deleted', (d) => rmSync(join(d, 'codes/rate_limited.yaml'))],
    ['catalog.yaml edited', (d) => writeFileSync(join(d, 'catalog.yaml'), readFileSync(join(d, 'catalog.yaml'), 'utf8').replace(/^api: .*$/m, 'api: 7'))],
    ['the lock added', (d) => writeFileSync(join(d, 'shipped.yaml'), 'not: [a lock\n')],
    ['a file turned into a link out of the catalog', (d) => {
      rmSync(join(d, 'codes/rate_limited.yaml'));
      symlinkSync('/etc/hostname', join(d, 'codes/rate_limited.yaml'));
    }],
  ];
  for (const [what, change] of changes) {
    const dir = mutateFixture('tests/fixtures/mini', []);
    const cache = cacheDir();
    const args = ['check', dir, '--format', 'json', '--cache', '--cache-location', cache];
    assert.equal(run(args).code, 0, what);
    mark(cache);
    change(dir);
    const after = run(args);
    const fresh = run(['check', dir, '--format', 'json']);
    assert.equal(after.out, fresh.out, what);
    assert.equal(after.code, fresh.code, what);
    assert.notEqual(after.code, 0, `${what}: the change is reported`);
  }
});

test('runs that read beyond the catalog files are not cached, and --cache is no review option', () => {
  const cache = cacheDir();
  const dir = mutateFixture('tests/fixtures/mini', [['catalog.yaml', /^api: .*$/m, '$&\nsources:\n  - { include: [\'src/**/*.ts\'], pattern: \'code: ([a-z_]+)\' }']]);
  run(['check', dir, '--cache', '--cache-location', cache]);
  assert.deepEqual(runFiles(cache), []);
  for (const flags of [['--cache'], ['--cache-location', cache]]) {
    const review = run(['check', dir, ...flags, '--base', 'HEAD']);
    assert.equal(review.code, 2);
    assert.match(review.err, /--cache does not apply to a review/);
  }
});

test('a damaged cache file is ignored and replaced, whatever it holds', () => {
  const dir = mutateFixture('tests/fixtures/mini', [['codes/rate_limited.yaml', DELETE, '']]);
  const expected = run(['check', dir, '--format', 'json']);
  const cache = cacheDir();
  const args = ['check', dir, '--format', 'json', '--cache', '--cache-location', cache];
  run(args);
  const [file] = runFiles(cache);
  const key = stored(file!).key;
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.uint8Array().map((b) => Buffer.from(b).toString('latin1')),
        // Well-formed JSON with this run's key but wrong shapes.
        fc.anything().map((x) => JSON.stringify({ key, reads: x, output: x, status: x })),
        fc.array(fc.array(fc.string(), { maxLength: 5 })).map((reads) => JSON.stringify({ key, reads, output: 'forged', status: 0 })),
        fc.anything().map((x) => String(JSON.stringify(x))),
      ),
      (junk) => {
        writeFileSync(file!, junk);
        const r = run(args);
        assert.equal(r.out, expected.out);
        assert.equal(r.code, expected.code);
        assert.equal(stored(file!).key, key, 'replaced by a good run');
      },
    ),
    { numRuns: 60 },
  );
});

test('a file known by its status: unchanged is a hit without reading, a same-size edit with its old time is still found', async () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  const cache = cacheDir();
  const args = ['check', dir, '--cache', '--cache-location', cache];
  // Statuses younger than RACY_MS are not trusted (the clock may not tell two writes apart).
  await new Promise((ok) => setTimeout(ok, RACY_MS + 500));
  assert.equal(run(args).code, 0);
  const [file] = runFiles(cache);
  assert.ok(stored(file!).reads.every((r) => r[3] !== '' || r[2] === 'none'), 'every existing file and directory recorded by its status');
  mark(cache);
  assert.match(run(args).out, /^from the cache/);
  // Same length, same modification time: only the change time (and the content) differ.
  const path = join(dir, 'codes/thing_not_found.yaml');
  const before = statSync(path);
  writeFileSync(path, readFileSync(path, 'utf8').replace('category: not_found', 'category: not_fonud'));
  utimesSync(path, before.atime, before.mtime);
  assert.equal(statSync(path).size, before.size);
  const after = run(args);
  assert.doesNotMatch(after.out, /from the cache/);
  assert.equal(after.code, 1);
  assert.match(after.out, /not_fonud/);
});

test('bin/errcat.js answers a hit before it loads the check, from the bundle and from the sources', () => {
  const built = spawnSync(process.execPath, ['scripts/build-cli.ts'], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  const dir = mutateFixture('tests/fixtures/mini', [['codes/thing_not_found.yaml', 'category: not_found', 'category: notfound']]);
  for (const env of [{}, { ERRCAT_FROM_SOURCE: '1' }]) {
    const cache = cacheDir();
    const bin = (more: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['bin/errcat.js', 'check', dir, '--cache', '--cache-location', cache], { encoding: 'utf8', env: { ...process.env, ...env, ...more } });
    const first = bin();
    assert.equal(first.status, 1, first.stderr);
    mark(cache);
    // Node's compile cache names each module it loads.
    const second = bin({ NODE_DEBUG_NATIVE: 'COMPILE_CACHE' });
    assert.equal(second.status, 1);
    assert.equal(second.stdout, `from the cache\n${first.stdout}`);
    if (!('ERRCAT_FROM_SOURCE' in env)) {
      assert.match(second.stderr, /build\/cli\/replay\.mjs/);
      assert.doesNotMatch(second.stderr, /build\/cli\/errcat\.mjs/, 'the check itself is not loaded');
    }
  }
});

test('a forged run cannot make the lookup read outside the catalog, nor print control characters', () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  symlinkSync('/etc', join(dir, 'etc'));
  const outside = '/etc/hostname';
  const sha = createHash('sha256').update(readFileSync(outside, 'utf8')).digest('hex');
  const cache = cacheDir();
  const args = ['check', dir, '--cache', '--cache-location', cache];
  assert.equal(run(args).code, 0);
  const [file] = runFiles(cache);
  const good = stored(file!);
  // Each forged read would match if it were read: only the path check stands in the way.
  for (const path of [outside, `${dir}/codes/../../../..${outside}`, join(dir, 'etc/hostname')]) {
    writeFileSync(file!, JSON.stringify({ ...good, reads: [['read', path, sha, ''], ...good.reads], output: 'forged\n' }));
    assert.doesNotMatch(run(args).out, /forged/, path);
  }
  writeFileSync(file!, JSON.stringify({ ...good, output: 'forged \u001b]8;;https://evil.test\u0007link\n' }));
  assert.doesNotMatch(run(args).out, /forged/);
  writeFileSync(file!, JSON.stringify({ ...good, output: 'forged\n' }));
  assert.match(run(args).out, /^forged/, 'the same file with the real reads is replayed');
});

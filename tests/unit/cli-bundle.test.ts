// The bundled CLI (npm run build:cli) says exactly what the sources say, and bin/errcat.js
// runs the sources again as soon as one is newer than the bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateCatalog } from '../../bench/generate.ts';
import { CHECK_OPTIONS } from '../../src/cli/args.ts';
import { mutateFixture } from './helpers.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });

test('the bundle and the sources give the same output in every format', () => {
  const built = run(['scripts/build-cli.ts']);
  assert.equal(built.status, 0, built.stderr);
  const dir = mutateFixture('tests/fixtures/mini', [
    ['codes/thing_not_found.yaml', 'category: not_found', 'category: notfound'],
    ['codes/rate_limited.yaml', 'when: always', 'when: sometimes'],
  ]);
  // (openapi: a model built from code files the bundle takes without zod, keys in another order than the schema's among them.)
  for (const args of [['check', dir], ...['json', 'github', 'markdown', 'sarif'].map((f) => ['check', dir, '--format', f]), ['explain', 'code-unique'], ['openapi', 'catalog']]) {
    const bundled = run(['build/cli/errcat.mjs', ...args]);
    const viaBin = run(['bin/errcat.js', ...args]);
    const sources = run(['bin/errcat.js', ...args], { ERRCAT_FROM_SOURCE: '1' });
    assert.equal(viaBin.stdout, sources.stdout, args.join(' '));
    assert.equal(viaBin.status, sources.status);
    assert.equal(bundled.stderr, '');
  }
});

test('the bundle reads an OpenAPI document in its own worker bundle, as the sources do', () => {
  const built = run(['scripts/build-cli.ts']);
  assert.equal(built.status, 0, built.stderr);
  const args = ['check', 'tests/fixtures/api/catalog'];
  const bundled = run(['build/cli/errcat.mjs', ...args]);
  const sources = run(['src/cli/main.ts', ...args]);
  assert.equal(bundled.stderr, '');
  assert.equal(bundled.stdout, sources.stdout);
  assert.equal(bundled.status, sources.status);
  assert.doesNotMatch(bundled.stdout, /openapi-file/);
});

test('bin/errcat.js compares the bundle with the files it was built from, and only those', () => {
  const bundle = statSync('build/cli/errcat.mjs');
  const { inputs } = JSON.parse(readFileSync('build/cli/errcat.inputs.json', 'utf8')) as { inputs: string[] };
  assert.ok(inputs.includes('src/cli/main.ts') && inputs.includes('src/model/schema.ts') && inputs.includes('package-lock.json'));
  assert.ok(!inputs.some((f) => f.startsWith('node_modules/') || f.endsWith('.astro')), 'dependencies change with the lock file; pages are not in the CLI');
  // A page of the site, newer than the bundle, leaves the bundle in use.
  const page = 'src/components/ErrorsPage.astro';
  const before = statSync(page);
  try {
    utimesSync(page, before.atime, new Date(bundle.mtimeMs + 60_000));
    assert.ok(/build\/cli\/errcat\.mjs/.test(run(['bin/errcat.js', 'explain', '--list'], { NODE_DEBUG_NATIVE: 'COMPILE_CACHE' }).stderr));
  } finally {
    utimesSync(page, before.atime, before.mtime);
  }
});

test('bin/errcat.js runs the sources once one of them is newer than the bundle', () => {
  const bundle = statSync('build/cli/errcat.mjs');
  // Node's compile cache names each module it loads (bin/errcat.js enables the cache).
  const loadsBundle = () =>
    /build\/cli\/errcat\.mjs/.test(run(['bin/errcat.js', 'explain', '--list'], { NODE_DEBUG_NATIVE: 'COMPILE_CACHE' }).stderr);
  assert.ok(loadsBundle(), 'a fresh bundle is used');
  const file = 'src/config.ts';
  const before = statSync(file);
  try {
    utimesSync(file, before.atime, new Date(bundle.mtimeMs + 60_000));
    assert.ok(!loadsBundle(), 'an edited source wins over the bundle');
  } finally {
    utimesSync(file, before.atime, before.mtime);
  }
});

const BIN = readFileSync('bin/errcat.js', 'utf8');
const LARGE_CATALOG = Number(/const LARGE_CATALOG = (\d+);/.exec(BIN)![1]);

test("bin/errcat.js reads check's arguments as args.ts does: the same options take a value", () => {
  const valued = JSON.parse(/const VALUED = (\[[^\]]*\]);/.exec(BIN)![1]!.replaceAll("'", '"')) as string[];
  const expected = Object.entries(CHECK_OPTIONS).filter(([, o]) => o.type === 'string').map(([name]) => name);
  assert.deepEqual([...valued].sort(), expected.sort());
});

test('a check of a large catalog runs in a second process with 8 MiB semi-spaces and room for the catalog in its old space; a small one does not', () => {
  const dir = generateCatalog(join(mkdtempSync(join(tmpdir(), 'errcat-large-')), 'catalog'), LARGE_CATALOG);
  // Each process reports the flags it was started with.
  const env = { NODE_OPTIONS: '--import=data:text/javascript,console.error(JSON.stringify(process.execArgv))' };
  const flags = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('[')).map((l) => JSON.parse(l) as string[]);
  // The directory found past options that take a value, as main.ts finds it.
  const large = run(['bin/errcat.js', 'check', '--format', 'text', dir, '--max-chars=100000'], env);
  assert.equal(large.status, 0, large.stderr);
  assert.match(large.stdout, new RegExp(`catalog clean: ${LARGE_CATALOG} codes checked`));
  assert.deepEqual(flags(large.stderr).map((f) => f.includes('--max-semi-space-size=8')), [false, true]);
  assert.deepEqual(flags(large.stderr).map((f) => f.includes('--initial-old-space-size=256')), [false, true]);
  const small = run(['bin/errcat.js', 'check', 'tests/fixtures/mini'], env);
  assert.equal(small.status, 0, small.stderr);
  assert.deepEqual(flags(small.stderr).map((f) => f.includes('--max-semi-space-size=8')), [false]);
});

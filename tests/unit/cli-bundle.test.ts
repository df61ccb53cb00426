// The bundled CLI (npm run build:cli) says exactly what the sources say, and bin/errcat.js
// runs the sources again as soon as one is newer than the bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { test } from 'node:test';
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
  for (const args of [['check', dir], ...['json', 'github', 'markdown', 'sarif'].map((f) => ['check', dir, '--format', f]), ['explain', 'code-unique']]) {
    const bundled = run(['build/cli/errcat.mjs', ...args]);
    const viaBin = run(['bin/errcat.js', ...args]);
    const sources = run(['bin/errcat.js', ...args], { ERRCAT_FROM_SOURCE: '1' });
    assert.equal(viaBin.stdout, sources.stdout, args.join(' '));
    assert.equal(viaBin.status, sources.status);
    assert.equal(bundled.stderr, '');
  }
});

test('bin/errcat.js compares the bundle with the files it was built from, and only those', () => {
  const bundle = statSync('build/cli/errcat.mjs');
  const { inputs } = JSON.parse(readFileSync('build/cli/errcat.inputs.json', 'utf8')) as { inputs: string[] };
  assert.ok(inputs.includes('src/cli/main.ts') && inputs.includes('src/catalog/schema.ts') && inputs.includes('package-lock.json'));
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

test('bin/errcat.js runs as a program (npx errcat) through its shebang, with the young-generation flag', () => {
  const { dirname } = process.getBuiltinModule('node:path');
  const r = spawnSync('bin/errcat.js', ['check', 'tests/fixtures/mini'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
      // Reports the flags the process was started with.
      NODE_OPTIONS: '--import=data:text/javascript,console.error(JSON.stringify(process.execArgv))',
    },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /catalog clean/);
  assert.ok(JSON.parse(r.stderr.split('\n')[0]!).includes('--max-semi-space-size=8'), r.stderr);
});

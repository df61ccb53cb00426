// A host site's bad input, each through a real `astro build` of a small Starlight site: one
// clear message naming what is wrong and the fix, no stack trace, and the site's previous
// build left as it was. (An unsupported Node is the CLI's: tests/unit/cli-help.test.ts;
// Astro itself refuses to start on one.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { stripVTControlCharacters } from 'node:util';

// Inside the repository, so the site resolves its packages (and this one by name) as the
// fixture docs site does; the plugin is the sources (errcat-source).
const root = join('.tmp', `host-bad-input-${process.pid}`);
const env = { ...process.env, NODE_OPTIONS: '--conditions=errcat-source', ASTRO_TELEMETRY_DISABLED: '1' };

test.before(() => {
  // A config that throws while loading (an option typo) is loaded again by Astro through
  // Vite, without Node's conditions: that second load is lib/, so build it from the sources.
  const built = spawnSync(process.execPath, ['scripts/build-package.ts'], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  rmSync(root, { recursive: true, force: true });
  cpSync('tests/fixtures/docs-site', root, { recursive: true, filter: (p) => !/[/\\](dist|\.astro)$/.test(p) });
  // The previous build, which no failing build may touch.
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), 'the previous build');
});
test.after(() => rmSync(root, { recursive: true, force: true }));

const header = "import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\nimport starlightErrorCatalog from 'starlight-error-catalog/plugin';\n";
const inStarlight = (options: string) => `${header}export default defineConfig({ integrations: [starlight({ title: 'Host', plugins: [starlightErrorCatalog(${options})] })] });\n`;

/** `astro build` with this astro.config.mjs: its output, after asserting the failure left dist/ alone. */
function failingBuild(config: string): string {
  writeFileSync(join(root, 'astro.config.mjs'), config);
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--root', root], { encoding: 'utf8', env });
  const out = stripVTControlCharacters(r.stdout + r.stderr);
  assert.notEqual(r.status, 0, out);
  assert.doesNotMatch(out, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
  assert.deepEqual(readdirSync(join(root, 'dist')), ['index.html']);
  assert.equal(readFileSync(join(root, 'dist', 'index.html'), 'utf8'), 'the previous build');
  return out;
}

test('a wrong catalog path names the path, where it came from and the fix', { timeout: 120_000 }, () => {
  const out = failingBuild(inStarlight("{ catalog: 'catalogue' }"));
  assert.match(out, /No error catalog directory at \S*catalogue: the path comes from the `catalog` option \("catalogue"\)/);
  assert.match(out, /Set `catalog` in starlightErrorCatalog/);
});

test("a catalog that fails the check: the check's diagnostics", { timeout: 120_000 }, () => {
  const file = join(root, 'catalog/codes/rate_limited.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^category: .*$/m, 'category: no_such_category'));
  try {
    const out = failingBuild(inStarlight("{ catalog: 'catalog' }"));
    assert.match(out, /does not pass the check/);
    assert.match(out, /rate_limited\.yaml:\d+:\d+ {2}error {2}category-known {2}unknown category "no_such_category"/);
  } finally {
    writeFileSync(file, text);
  }
});

test('a misspelt option: "did you mean"', { timeout: 120_000 }, () => {
  const out = failingBuild(inStarlight('{ sidebarr: false }'));
  assert.match(out, /unknown option "sidebarr": did you mean "sidebar"\?/);
});

test("a site without Starlight (the plugin in Astro's integrations): how to add it to Starlight", { timeout: 120_000 }, () => {
  const out = failingBuild(`${header}export default defineConfig({ integrations: [starlightErrorCatalog()] });\n`);
  assert.match(out, /starlightErrorCatalog\(\) is a Starlight plugin, but it was added to Astro's `integrations`/);
  assert.match(out, /plugins: \[starlightErrorCatalog\(\)\]/);
});

// This repository's site takes the plugin as a host site does: by the package's name,
// through package.json's exports. Run by npm here (.npmrc), the name is the sources, so dev
// reloads component edits; without the condition, as in a host site, it is the compiled lib/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

/** What `specifier` resolves to from the repository's root, with `nodeOptions` as NODE_OPTIONS. */
function resolved(specifier: string, nodeOptions: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const file = (path: string) => pathToFileURL(resolve(path)).href;

test("the site's astro.config.mjs imports the plugin by the package's name", () => {
  const config = readFileSync('astro.config.mjs', 'utf8');
  const imports = [...config.matchAll(/^import\s+\w+\s+from\s+'([^']+)'/gm)].map((m) => m[1]);
  assert.ok(imports.includes('starlight-error-catalog/plugin'), imports.join(', '));
  assert.ok(!imports.some((s) => s!.startsWith('.')), 'no relative import of the sources');
});

test('npm runs here with the errcat-source condition: the name is src/; without it, lib/', () => {
  const npmrc = readFileSync('.npmrc', 'utf8');
  const options = /^node-options=(.*)$/m.exec(npmrc)?.[1];
  assert.equal(options, '--conditions=errcat-source');
  assert.equal(resolved('starlight-error-catalog/plugin', options!), file('src/plugin/index.ts'));
  assert.equal(resolved('starlight-error-catalog/cli', options!), file('src/cli/main.ts'));
  assert.equal(resolved('starlight-error-catalog/plugin', ''), file('lib/plugin/index.js'));
  assert.equal(resolved('starlight-error-catalog/cli', ''), file('lib/cli/main.js'));
});

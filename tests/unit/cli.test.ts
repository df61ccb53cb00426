// The CLI as a user runs it: exit codes, output formats, CATALOG_DIR.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { jsonSchemas, SCHEMA_DIR } from '../../src/model/json-schema.ts';
import { mutateFixture } from './helpers.ts';

function errcat(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/errcat.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const broken = () =>
  mutateFixture('tests/fixtures/mini', [
    ['codes/thing_not_found.yaml', 'category: not_found', 'category: notfound'],
    ['codes/rate_limited.yaml', 'recovery: Wait `Retry-After` seconds.', 'recovery: ""'],
  ]);

test('a clean catalog exits 0', () => {
  const r = errcat(['check', 'catalog']);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /catalog clean: \d+ codes checked/);
});

test('the almyty example catalog is clean too', () => {
  const r = errcat(['check', 'examples/almyty/catalog']);
  assert.equal(r.code, 0, r.out + r.err);
});

test('problems exit 1 with one line each: path:line:col  severity  rule  message  hint', () => {
  const r = errcat(['check', broken()]);
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n').filter((l) => /:\d+:\d+ /.test(l));
  assert.equal(lines.length, 3);
  for (const line of lines) assert.match(line, /^\S+\.yaml:\d+:\d+  error  [a-z-]+  .+  hint: .+$/);
  assert.match(r.out, /codes\/rate_limited\.yaml:7:11  error  recovery-required/);
  assert.match(r.out, /codes\/thing_not_found\.yaml:4:11  error  category-known  unknown category "notfound"  hint: did you mean "not_found"\?/);
  assert.match(r.out, /codes\/thing_not_found\.yaml:4:11  error  shipped-category-changed  category of shipped code "thing_not_found" changed from not_found to notfound/);
  assert.match(r.out, /3 errors, 0 warnings/);
});

test('--format json lists the diagnostics as data', () => {
  const r = errcat(['check', broken(), '--format', 'json']);
  assert.equal(r.code, 1);
  const data = JSON.parse(r.out);
  assert.equal(data.codes, 2);
  assert.deepEqual(data.diagnostics.map((d: { rule: string }) => d.rule).sort(), ['category-known', 'recovery-required', 'shipped-category-changed']);
  assert.ok(data.diagnostics.every((d: { line: number; col: number }) => d.line > 0 && d.col > 0));
});

test('--format github prints workflow annotations', () => {
  const r = errcat(['check', broken(), '--format', 'github']);
  assert.equal(r.code, 1);
  assert.match(r.out, /^::error file=[^,]+thing_not_found\.yaml,line=4,col=11,title=category-known::unknown category/m);
});

test('CATALOG_DIR chooses the catalog when no directory is given', () => {
  assert.equal(errcat(['check'], { CATALOG_DIR: broken() }).code, 1);
  assert.equal(errcat(['check'], { CATALOG_DIR: 'tests/fixtures/mini' }).code, 0);
});

test('misuse exits 2 with usage', () => {
  for (const args of [['check', '--bogus'], ['check', 'no/such/dir'], ['frobnicate'], [], ['check', 'catalog', '--format', 'xml']]) {
    const r = errcat(args);
    assert.equal(r.code, 2, `errcat ${args.join(' ')}: ${r.out}${r.err}`);
    assert.match(r.err, /usage: errcat/);
  }
});

test('the committed JSON Schemas are generated from the current schema', () => {
  for (const [name, text] of Object.entries(jsonSchemas())) {
    assert.equal(readFileSync(join(SCHEMA_DIR, name), 'utf8'), text, `schema/${name} is stale: run npm run schema`);
  }
});

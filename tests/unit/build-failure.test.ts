// A catalog that fails the check never reaches dist/: the build script stops before
// building, and the plugin itself stops `astro build` before anything is written, printing
// the diagnostics exactly as `errcat check` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { BUILD_MARKER, BUILD_MARKER_TEXT } from '../../src/build/target.ts';

const work = mkdtempSync(join(tmpdir(), 'broken-'));
const catalog = join(work, 'catalog');
cpSync('tests/fixtures/mini', catalog, { recursive: true });
const file = join(catalog, 'codes', 'thing_not_found.yaml');
writeFileSync(file, readFileSync(file, 'utf8').replace('category: not_found', 'category: not_a_category'));

const cli = spawnSync(process.execPath, ['src/cli/main.ts', 'check', catalog], { encoding: 'utf8' });
const diagnostics = cli.stdout.split('\n\n')[0]!.trim();

test.after(() => rmSync(work, { recursive: true, force: true }));

test('the fixture is broken as intended', () => {
  assert.equal(cli.status, 1);
  assert.match(diagnostics, /not_a_category/);
});

test('npm run build: check fails, previous dist/ untouched, no temp dir left', { timeout: 60_000 }, () => {
  const out = join(work, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'previous.html'), 'previous build');
  writeFileSync(join(out, BUILD_MARKER), BUILD_MARKER_TEXT);
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--catalog', catalog, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes(diagnostics), r.stderr);
  assert.deepEqual(readdirSync(out).sort(), [BUILD_MARKER, 'previous.html']);
  assert.deepEqual(readdirSync(work).sort(), ['catalog', 'dist']);
});

test('astro build alone: the plugin stops it before writing, with the CLI\'s diagnostics', { timeout: 60_000 }, () => {
  const out = join(work, 'astro-out');
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, CATALOG_DIR: catalog, OUT_DIR: out },
  });
  assert.notEqual(r.status, 0);
  // Astro colours its output when CI is set (links underlined): compare the text.
  const stderr = stripVTControlCharacters(r.stderr);
  assert.ok(stderr.includes(diagnostics), stderr);
  assert.ok(!existsSync(out), 'nothing written');
});

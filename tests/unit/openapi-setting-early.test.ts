// catalog.yaml's `openapi:` starts the document's read as early as --openapi does, from a
// guess read off the text (guessOpenapiSetting). The guess only starts work: the setting the
// load gives decides, a read started for another document is dropped, and an odd or hostile
// value guesses nothing or is refused as the check refuses it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { guessOpenapiSetting } from '../../src/load/openapi-setting.ts';
import { mutateFixture } from './helpers.ts';

/** Run with a large document's validation apart wherever it may run (see openapi-validate-apart.test.ts). */
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ERRCAT_OPENAPI_APART: '1' } });
  assert.equal(r.signal, null, `killed (${r.signal}): ${args.join(' ')} did not finish`);
  return r;
};

/** A directory holding a catalog.yaml of `text`. */
function catalogWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-setting-'));
  writeFileSync(join(dir, 'catalog.yaml'), text);
  return dir;
}

test('the guess: a plain or simply quoted top-level value; nothing for an odd one', () => {
  const cases: [string, string | undefined][] = [
    ['api: A\nopenapi: ../openapi.yaml\n', '../openapi.yaml'],
    ['openapi: ../openapi.yaml # the API\n', '../openapi.yaml'],
    ['openapi: ../api#1.yaml\r\n', '../api#1.yaml'],
    ["openapi: '../it''s.yaml'\n", "../it's.yaml"],
    ['openapi:   "../open api.json"  # x\n', '../open api.json'],
    ['openapi: "../a\\u0041.yaml"\n', undefined], // an escape: the load decodes it, the guess does not try
    ['openapi: [../a.yaml]\n', undefined],
    ['openapi: &doc ../a.yaml\n', undefined],
    ['openapi: *doc\n', undefined],
    ['openapi: !!str ../a.yaml\n', undefined],
    ['openapi: |\n  ../a.yaml\n', undefined],
    ['openapi:\n  ../a.yaml\n', undefined],
    ['openapi: ""\n', undefined],
    ['openapi: ../a.yaml\nopenapi: ../b.yaml\n', undefined], // twice: the load's error
    ['info:\n  openapi: ../a.yaml\n', undefined], // not the catalog's own key
    ['api: A\n', undefined],
  ];
  for (const [text, guess] of cases) assert.equal(guessOpenapiSetting(catalogWith(text)), guess, text);
  // No catalog.yaml, a symlinked one, a large one, a folder: no guess.
  assert.equal(guessOpenapiSetting(mkdtempSync(join(tmpdir(), 'errcat-setting-'))), undefined);
  const linked = mkdtempSync(join(tmpdir(), 'errcat-setting-'));
  symlinkSync(join(catalogWith('openapi: ../a.yaml\n'), 'catalog.yaml'), join(linked, 'catalog.yaml'));
  assert.equal(guessOpenapiSetting(linked), undefined);
  assert.equal(guessOpenapiSetting(catalogWith(`openapi: ../a.yaml\n#${'x'.repeat(300_000)}\n`)), undefined);
  const folder = mkdtempSync(join(tmpdir(), 'errcat-setting-'));
  mkdirSync(join(folder, 'catalog.yaml'));
  assert.equal(guessOpenapiSetting(folder), undefined);
});

/** A script that starts the setting's read, checks `catalog` (whose `openapi` may differ), and says what happened. */
function startedThenChecked(catalogDir: string, openapi: string): { started: boolean; dropped: number; rules: string[] } {
  const script = join(mkdtempSync(join(tmpdir(), 'errcat-setting-')), 'run.ts');
  const bridge = JSON.stringify(resolve('src/bridges/openapi.ts'));
  writeFileSync(script, [
    `import { openapiDiagnostics, openapiTarget, startSettingRead, stopStartedReads } from ${bridge};`,
    `const started = startSettingRead(${JSON.stringify(catalogDir)});`,
    `const catalog = { api: 'A', title: 'E', envelope: { code_field: 'code' }, openapi: ${JSON.stringify(openapi)} };`,
    `const found = openapiDiagnostics(openapiTarget(${JSON.stringify(catalogDir)}, catalog), catalog, { path: 'c', text: 'openapi: x' }, [], true);`,
    'console.log(JSON.stringify({ started, dropped: stopStartedReads(), rules: found.map((d) => d.rule) }));',
  ].join('\n'));
  const r = run([script]);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as { started: boolean; dropped: number; rules: string[] };
}

test('the read started from the guess is the one the check takes; another document\'s is dropped and the loaded setting wins', () => {
  const dir = mutateFixture('tests/fixtures/api', []);
  writeFileSync(join(dir, 'other.yaml'), 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\n');
  const taken = startedThenChecked(join(dir, 'catalog'), '../openapi.yaml');
  assert.deepEqual({ started: taken.started, dropped: taken.dropped }, { started: true, dropped: 0 });
  assert.ok(taken.rules.includes('openapi-unknown-code'), taken.rules.join()); // the fixture's codes, unknown to this bare catalog
  // The catalog, once loaded, names another document than the text seemed to.
  const other = startedThenChecked(join(dir, 'catalog'), '../other.yaml');
  assert.deepEqual(other, { started: true, dropped: 1, rules: [] });
});

test('a setting outside the catalog\'s parent starts no read, and the check reports it as before', () => {
  const dir = mutateFixture('tests/fixtures/api', [['catalog/catalog.yaml', 'openapi: ../openapi.yaml', 'openapi: ../../../../../../etc/passwd']]);
  assert.equal(startedThenChecked(join(dir, 'catalog'), '../../../../../../etc/passwd').started, false);
  const r = run(['src/cli/main.ts', 'check', join(dir, 'catalog')]);
  assert.match(r.stdout, /catalog\.yaml:\d+:\d+ +error +openapi-file +OpenAPI document .*passwd is outside/);
  assert.equal(r.stderr, '');
});

test('through the CLI, the setting gives what --openapi gives, for a JSON document validated beside the walk too', () => {
  const dir = mutateFixture('tests/fixtures/payments', [['catalog/catalog.yaml', 'openapi: ../openapi.yaml', "openapi: '../openapi.json' # quoted"]]);
  // The fixture's document (drifted from its catalog) as JSON, grown past the size from which it is validated in a thread of its own.
  const yaml = run(['-e', `import { load } from 'js-yaml'; import { readFileSync } from 'node:fs'; process.stdout.write(JSON.stringify(load(readFileSync(${JSON.stringify(join(dir, 'openapi.yaml'))}, 'utf8')), null, 2))`]);
  writeFileSync(join(dir, 'openapi.json'), `${yaml.stdout}${' '.repeat(4_100_000)}`);
  const setting = run(['src/cli/main.ts', 'check', join(dir, 'catalog')]);
  const cli = run(['src/cli/main.ts', 'check', join(dir, 'catalog'), '--openapi', join(dir, 'openapi.json')]);
  assert.match(setting.stdout, /openapi-response/);
  assert.equal(setting.stdout, cli.stdout);
  assert.equal(setting.status, cli.status);
  assert.equal(setting.stderr, '');
});

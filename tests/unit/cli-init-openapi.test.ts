// errcat init --from-openapi: a catalog seeded with the codes an OpenAPI document declares,
// each with its statuses; the texts only a person can write are text-to-write warnings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { readTree } from './helpers.ts';

function errcat(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [resolve('bin/errcat.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A repository holding the fixture document in api/, without the code no catalog can hold unless `keepBad`. */
function repo(keepBad = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-seed-'));
  cpSync('tests/fixtures/openapi-seed', join(dir, 'api'), { recursive: true });
  const components = join(dir, 'api/components.yaml');
  if (!keepBad) writeFileSync(components, readFileSync(components, 'utf8').replace(', not a code]', ']'));
  return dir;
}

type Code = { code: string; status: number | number[]; summary: string; retry: { when: string } };

test('seeds one code file per declared code, with the statuses it appears under; the check then reports the texts to write and the guessed statuses', () => {
  const cwd = repo();
  const r = errcat(['init', '--from-openapi', 'api/openapi.yaml', '--name', 'Payments'], cwd);
  assert.equal(r.code, 0, r.err);
  const codes = Object.fromEntries(Object.entries(readTree(join(cwd, 'catalog/codes')))
    .map(([file, text]) => [file, load(text) as Code]));
  const status = (c: Code) => [c.status].flat();
  assert.deepEqual(Object.fromEntries(Object.entries(codes).map(([f, c]) => [f, status(c)])), {
    '1001.yaml': [422], // numeric, from an inline enum
    'card.declined.yaml': [402, 422], // a $ref'd example under 402, the enum under 422
    'legacy.only.yaml': [500], // only in the shared enum: a guess, said so
    'payment.not_found.yaml': [404],
    'rate.limited.yaml': [429], // a $ref'd response in another file
    'server.internal.yaml': [500], // only under default
  });
  assert.equal(codes['1001.yaml']!.code, '1001', 'a numeric code stays a string');
  assert.equal(codes['rate.limited.yaml']!.retry.when, 'conditional');
  assert.match(readFileSync(join(cwd, 'catalog/codes/legacy.only.yaml'), 'utf8'), /Its status 500 is a guess: the document declares it only in a shared enum/);
  const catalog = load(readFileSync(join(cwd, 'catalog/catalog.yaml'), 'utf8')) as Record<string, any>;
  assert.equal(catalog.api, 'Payments');
  assert.equal(catalog.openapi, '../api/openapi.yaml', 'the check compares the catalog with its document from now on');
  assert.equal(catalog.envelope.code_field, 'error.code', 'found after `code` declared none');
  assert.deepEqual(Object.keys(catalog.statuses), ['402', '404', '422', '429', '500']);
  assert.match(r.out, /status guessed for 2 .*: legacy\.only, server\.internal/);
  assert.match(r.out, /lists the 24 texts only you can write/);

  const check = errcat(['check', '--format', 'json'], cwd);
  assert.equal(check.code, 0, check.out + check.err);
  const all = (JSON.parse(check.out) as { diagnostics: { rule: string; severity: string; file: string; message: string }[] }).diagnostics;
  // The two statuses init guessed are the document's coverage gaps, which the check reports there.
  const coverage = all.filter((d) => d.rule === 'openapi-coverage').map((d) => d.message.match(/^"([^"]+)"/)?.[1]);
  assert.deepEqual(coverage.sort(), ['legacy.only', 'server.internal']);
  const diagnostics = all.filter((d) => d.rule !== 'openapi-coverage');
  assert.equal(diagnostics.length, 24);
  assert.ok(diagnostics.every((d) => d.rule === 'text-to-write' && d.severity === 'warning'), JSON.stringify(diagnostics[0]));
  // summary, when, recovery, retry advice: per code.
  for (const file of Object.keys(codes)) assert.equal(diagnostics.filter((d) => d.file.endsWith(`/${file}`)).length, 4, file);
});

test('a code no catalog can hold is left out and named; the check\'s errors about the document are reported, the catalog still written', () => {
  const cwd = repo(true);
  const r = errcat(['init', '--from-openapi', 'api/openapi.yaml'], cwd);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /not seeded, no catalog can hold them as codes: "not a code"/);
  assert.match(r.out, /the check finds 1 error in the OpenAPI document, to fix there:\napi\/components\.yaml:\d+:\d+ +error +openapi-unknown-code/);
  assert.ok(!Object.keys(readTree(join(cwd, 'catalog/codes'))).some((f) => f.includes(' ')));
});

test('a catalog whose directory cannot reach the document by its `openapi` setting is told to pass --openapi', () => {
  const cwd = repo();
  const elsewhere = join(mkdtempSync(join(tmpdir(), 'errcat-seed-out-')), 'errors');
  const r = errcat(['init', elsewhere, '--from-openapi', 'api/openapi.yaml'], cwd);
  assert.equal(r.code, 0, r.err);
  assert.equal((load(readFileSync(join(elsewhere, 'catalog.yaml'), 'utf8')) as { openapi?: string }).openapi, undefined);
  assert.match(r.out, /1\. npx errcat check \S+ --openapi api\/openapi\.yaml +lists the 24 texts/);
  assert.equal(errcat(['check', elsewhere, '--openapi', 'api/openapi.yaml'], cwd).code, 0);
});

test('never overwrites; the document must exist, lie in the working directory and stay within the bounds; misuse is exit 2 and writes nothing', () => {
  const cwd = repo();
  assert.equal(errcat(['init', '--from-openapi', 'api/openapi.yaml'], cwd).code, 0);
  const before = readTree(cwd);
  const again = errcat(['init', '--from-openapi', 'api/openapi.yaml'], cwd);
  assert.equal(again.code, 2);
  assert.match(again.err, /not written: .*exists already/);
  assert.deepEqual(readTree(cwd), before);

  const outside = repo();
  writeFileSync(join(outside, 'big.yaml'), `openapi: 3.1.0\n# ${'x'.repeat(10e6)}\n`);
  writeFileSync(join(outside, 'broken.yaml'), 'openapi: [\n');
  const cases: [string[], RegExp][] = [
    [['--from-openapi', 'api/missing.yaml'], /--from-openapi: api\/missing\.yaml not found/],
    [['--from-openapi', join(cwd, 'api/openapi.yaml')], /is outside the working directory/],
    [['--from-openapi', 'big.yaml'], /could not be read: .*10 MB a file/],
    [['--from-openapi', 'broken.yaml'], /declares no codes at error\.code; .*\nthe document has problems to fix first:\nbroken\.yaml:2:1  error  openapi-valid/],
    [['--from-openapi', 'api/openapi.yaml', '--code-field', 'errors.kind'], /declares no codes at errors\.kind; give --code-field/],
    [['--from-openapi', 'api/openapi.yaml', '--code-field', '../x'], /--code-field "\.\.\/x" is not a dotted path/],
    [['--code-field', 'code'], /--code-field goes with --from-openapi/],
  ];
  for (const [args, message] of cases) {
    const r = errcat(['init', ...args], outside);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.ok(!existsSync(join(outside, 'catalog')), `nothing written for ${args.join(' ')}`);
  }
});

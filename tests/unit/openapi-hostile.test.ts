// Hostile OpenAPI documents: each ends in diagnostics, in `check` and in `check --base`,
// never a hang, a stack trace or an answer that depends on the stack size. Each run is a
// child process with a timeout, so a hang fails the test instead of blocking it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mutateFixture, type Edit } from './helpers.ts';

/** The fixture API, edited, committed in a fresh git repository (so `--base HEAD` works). */
export function apiRepo(edits: Edit[] = []): string {
  const dir = mutateFixture('tests/fixtures/api', edits);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  return dir;
}

export function check(dir: string, extra: string[] = [], node: string[] = [], timeout = 120_000) {
  const r = spawnSync(process.execPath, [...node, 'bin/errcat.js', 'check', join(dir, 'catalog'), ...extra], { encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  assert.equal(r.signal, null, `killed (${r.signal}): the check did not finish`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const both = (dir: string) => [check(dir), check(dir, ['--base', 'HEAD'])];

/** An OpenAPI document whose 409 response uses `schema` (YAML text, indented 14). */
function withSchema(schema: string, components = ''): string {
  return `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /orders:
    post:
      responses:
        '409':
          description: Conflict.
          content:
            application/problem+json:
              schema:
${schema}
components:
  schemas:
${components}`;
}

test('31 schemas, each allOf the next twice: the $ref walk is linear, the code at the end is found', () => {
  const n = 31;
  const schemas = Array.from({ length: n }, (_, i) =>
    i < n - 1 ? `    S${i}:\n      allOf: [{ $ref: '#/components/schemas/S${i + 1}' }, { $ref: '#/components/schemas/S${i + 1}' }]\n`
      : `    S${i}:\n      type: object\n      properties:\n        code: { type: string, enum: [deep_unknown_code] }\n`).join('');
  const dir = apiRepo();
  writeFileSync(join(dir, 'openapi.yaml'), withSchema("                $ref: '#/components/schemas/S0'", schemas));
  for (const r of both(dir)) {
    assert.equal(r.code, 1, r.err);
    assert.doesNotMatch(r.out + r.err, /internal-error|\n\s+at /);
  }
  // The shared enum lists a code the catalog lacks: reported once, at the enum.
  assert.equal(check(dir).out.match(/openapi-unknown-code .*deep_unknown_code/g)?.length, 1);
});

test('`openapi:` naming a missing file: a diagnostic in check and in check --base', () => {
  const dir = apiRepo([['catalog/catalog.yaml', 'openapi: ../openapi.yaml', 'openapi: ../missing.yaml']]);
  for (const r of both(dir)) {
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /catalog\.yaml:\d+:\d+ +error +openapi-file +OpenAPI document .*missing\.yaml not found/);
    assert.equal(r.err, '');
  }
});

test('%ff in a $ref pointer, a $ref file name or a path key: a diagnostic there, the others kept', () => {
  const cases: [Edit, RegExp][] = [
    [['openapi.yaml', "$ref: '#/components/responses/NotFound'", "$ref: '#/components/responses/Not%ffFound'"], /openapi\.yaml:18:\d+ +error +openapi-ref .*Not%ffFound/],
    [['openapi.yaml', "$ref: './responses.yaml#/RateLimited'", "$ref: './respo%ffnses.yaml#/RateLimited'"], /openapi\.yaml:20:\d+ +error +openapi-ref .*respo%ffnses/],
    [['openapi.yaml', '  /orders:\n', '  /orders/%ff:\n'], /openapi-(valid|ref)|catalog is clean|^$/m],
  ];
  for (const [edit, expected] of cases) {
    const dir = apiRepo([edit, ['openapi.yaml', 'code: out_of_stock', 'code: out_of_stok']]);
    for (const r of both(dir)) {
      assert.equal(r.code, 1, `${edit[2]}: ${r.out}${r.err}`);
      assert.doesNotMatch(r.out + r.err, /internal-error|URIError/, edit[2]);
      assert.match(r.out, expected, edit[2]);
      // Every other diagnostic is still there.
      assert.match(r.out, /openapi-unknown-code .*"out_of_stok"/, edit[2]);
    }
  }
});

test('a 50,000-deep document: one nesting diagnostic at the same place whatever the stack size', () => {
  const shapes = [
    `openapi: 3.1.0\nx-deep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
    `openapi: 3.1.0\nx-deep:\n${Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i + 1)}a:\n`).join('')}`,
  ];
  for (const doc of shapes) {
    const dir = apiRepo();
    writeFileSync(join(dir, 'openapi.yaml'), doc);
    const runs = [check(dir), check(dir, [], ['--stack-size=300']), check(dir, ['--base', 'HEAD'])];
    for (const r of runs) {
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /openapi\.yaml:\d+:\d+ +error +openapi-file +nesting deeper than 1000 levels/);
      assert.doesNotMatch(r.out + r.err, /internal-error|RangeError|\n\s+at /);
    }
    const place = (out: string) => out.match(/openapi\.yaml:\d+:\d+ +error +openapi-file/)![0];
    assert.equal(place(runs[1]!.out), place(runs[0]!.out));
  }
});

test('a 13 MB document is refused by a message that names the 10 MB limit and how to raise it; --openapi-max-mb reads it', () => {
  const dir = apiRepo();
  writeFileSync(join(dir, 'openapi.yaml'), `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\nx-pad: "${'a'.repeat(13e6)}"\n`);
  const r = check(dir);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /openapi-file +OpenAPI document .*openapi\.yaml could not be read: .*openapi\.yaml is 13\.0 MB, over the 10 MB limit for one file +hint: raise the limit with --openapi-max-mb <n> \(errcat check and errcat init\), e\.g\. --openapi-max-mb 15; or split the document into files joined by \$ref/);
  const raised = check(dir, ['--openapi-max-mb', '15']);
  assert.doesNotMatch(raised.out, /openapi-file/);
  assert.match(raised.out, /openapi-undeclared/, 'the document was read and compared');
  for (const bad of ['0', '-1', 'ten', '101', '']) assert.equal(check(dir, ['--openapi-max-mb', bad]).code, 2, bad);
});

test('a $ref\'d file past the size limit: the warning names it, the limit and how to raise it', () => {
  const dir = apiRepo();
  writeFileSync(join(dir, 'responses.yaml'), `RateLimited: { description: x }\nx-pad: "${'a'.repeat(11e6)}"\n`);
  const r = check(dir);
  assert.match(r.out, /openapi-valid +OpenAPI document: .*responses\.yaml is 11\.0 MB, over the 10 MB limit for one file +hint: a file it \$refs is too large: raise the limit with --openapi-max-mb <n> .*e\.g\. --openapi-max-mb 15/);
  assert.doesNotMatch(check(dir, ['--openapi-max-mb', '15']).out, /over the .* limit/);
});

test('a 9.9 MB JSON document of five million small values is read: JSON is bounded by its size alone', () => {
  const dir = apiRepo([['catalog/catalog.yaml', 'openapi: ../openapi.yaml', 'openapi: ../openapi.json']]);
  const n = Math.floor((9.9e6 - 100) / 2);
  writeFileSync(join(dir, 'openapi.json'), `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "x-big": [${'1,'.repeat(n)}1]}`);
  const r = check(dir);
  assert.equal(r.code, 0, r.err.slice(0, 500));
  assert.doesNotMatch(r.out + r.err, /openapi-file|internal-error|heap out of memory|\n\s+at /);
  assert.match(r.out, /openapi-undeclared/, 'the document was read and compared');
});

test('a 9.9 MB document of five million small nodes ends in a diagnostic in check --base, not an exhausted heap', () => {
  const dir = apiRepo();
  const n = Math.floor((9.9e6 - 100) / 2);
  writeFileSync(join(dir, 'openapi.yaml'), `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\nx-big: [${'1,'.repeat(n)}1]\n`);
  // --base: the check's side and the review's side both parse the document.
  const r = check(dir, ['--base', 'HEAD']);
  assert.equal(r.code, 1, r.err.slice(0, 500));
  assert.doesNotMatch(r.out + r.err, /internal-error|heap out of memory|\n\s+at /);
  assert.match(r.out, /openapi\.yaml:4:\d+ +error +openapi-file +more than 500,000 values .*: not read/);
});

test('a chain of 100 schemas, each allOf the next: the walk stops at 64 with a diagnostic there', () => {
  const n = 100;
  const schemas = Array.from({ length: n }, (_, i) => `    S${i}:\n      allOf: [{ $ref: '#/components/schemas/S${i + 1}' }]\n`).join('') + `    S${n}: { enum: [deep_unknown_code] }\n`;
  const dir = apiRepo();
  writeFileSync(join(dir, 'openapi.yaml'), withSchema("                $ref: '#/components/schemas/S0'", schemas));
  const r = check(dir);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /openapi\.yaml:\d+:\d+ +error +openapi-ref +schemas nest deeper than 64 levels here/);
  assert.doesNotMatch(r.out, /deep_unknown_code/);
});

// The CLI bundle tests a code file's shape with ajv's standalone code before zod
// (src/check/code-shape.ts): a file it passes is taken without zod. So it must pass only
// what zod passes, and give the data as zod returns it (key order too). Checked here on
// real code files changed at random, hostile values included, with the very module
// scripts/build-cli.ts puts in the bundle.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { codeShapeValidator } from '../../scripts/code-shape-validator.ts';
import { fastCodeShape } from '../../src/check/code-shape.ts';
import { acceptsCode as inSources } from '../../src/check/code-shape-validator.ts';
import { codeSchema } from '../../src/model/schema.ts';
import { mutate } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'errcat-code-shape-'));
writeFileSync(join(dir, 'validator.mjs'), codeShapeValidator());
const { acceptsCode } = (await import(pathToFileURL(join(dir, 'validator.mjs')).href)) as { acceptsCode: (data: unknown) => boolean };

const FILES = ['catalog/codes', 'tests/fixtures/mini/codes', 'examples/almyty/catalog/codes']
  .flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.yaml')).map((n) => join(d, n)));
const real = () => FILES.map((f) => load(readFileSync(f, 'utf8'), { schema: CORE_SCHEMA }));

/** The fast path agrees with zod on `data`; true when it took the file. */
function agrees(data: unknown): boolean {
  const zod = codeSchema.safeParse(data);
  const fast = fastCodeShape(data, acceptsCode);
  if (fast === undefined) return false;
  assert.ok(zod.success, `passed what zod refuses: ${JSON.stringify(data)}: ${zod.error?.message}`);
  assert.deepStrictEqual(fast, zod.data);
  assert.equal(JSON.stringify(fast), JSON.stringify(zod.data), 'the same keys in the same order');
  return true;
}

test('every code file of the repository is taken by the fast path, as zod returns it (its keys in any order)', () => {
  const files = real();
  assert.ok(files.length > 20);
  for (const data of files) assert.ok(agrees(data), JSON.stringify(data));
});

test('in the sources there is no compiled test: zod checks every file', () => {
  assert.equal(inSources, undefined);
  assert.equal(fastCodeShape(real()[0]), undefined);
});

// Values YAML's core schema can produce, and worse.
const hostile = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, 1.5, 404, 2 ** 53, -(2 ** 53), NaN, Infinity, -Infinity, '', ' ', 'a\nb', 'x\r', '\ud800', '😀', 'always',
    'never', 'ts', 'json', 'de', 'pt-BR', '__proto__', [], {}, [404], [404, 1.5], [[]], { lang: 'ts', code: 'x' }, { when: 'never' }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 8 }),
);
const KEYS = ['code', 'status', 'category', 'summary', 'title', 'titles', 'message', 'when', 'recovery', 'retry', 'examples', 'headers', 'extensions',
  'tables', 'related', 'notes', 'lifecycle', 'lang', 'name', 'value', 'values', 'meaning', 'description', 'columns', 'rows', 'state', 'since', '__proto__',
  'constructor', 'extra'];

test('on random changes of real files, the fast path takes nothing zod refuses or would return changed', () => {
  const files = real();
  let taken = 0;
  let runs = 0;
  fc.assert(fc.property(fc.nat(files.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...KEYS), hostile), { minLength: 1, maxLength: 3 }),
    (i, changes) => {
      runs++;
      const data = changes.reduce<unknown>((d, c) => mutate(d, c), files[i]);
      if (agrees(data)) taken++;
    }), { numRuns: 3000 });
  // Both paths were exercised: some changes leave a valid file, most do not.
  assert.ok(taken > 0 && taken < runs, `${taken} of ${runs} taken`);
});

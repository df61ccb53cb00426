// Property test of the check's surfaces beyond the catalog: random `sources:` globs over a
// tree with symlinks out, a FIFO and a secret beside the repository, and random OpenAPI
// documents ($ref graphs with cycles, other files, escapes, URLs, deep nesting, random
// bytes). Every case must end without a throw, an internal error or a stack trace, give
// the same output twice, and never show the secret planted outside the repository.
// `npm test` runs a few cases; FUZZ_RUNS=500 runs more (FUZZ_SEED replays a failure).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkCatalog, INTERNAL_ERROR } from '../../src/check/check.ts';
import { insideRoot } from '../../src/load/confined.ts';
import type { CatalogFile } from '../../src/model/schema.ts';
import { scanSources } from '../../src/bridges/sources.ts';
import { REPORTERS } from '../../src/reporters/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const SECRET = 'secret_fuzz_token';

// <top>/secret.{ts,yaml} and <top>/outside/ beside <top>/repo: the fixture API, plus
// symlinks leading out, a FIFO, a directory named like a source file.
const top = mkdtempSync(join(tmpdir(), 'errcat-fuzz-surfaces-'));
test.after(() => rmSync(top, { recursive: true, force: true }));
const repo = join(top, 'repo');
cpSync('tests/fixtures/api', repo, { recursive: true });
mkdirSync(join(top, 'outside'));
for (const dir of [top, join(top, 'outside')]) {
  writeFileSync(join(dir, 'secret.ts'), `new ApiError('${SECRET}')\n`);
  writeFileSync(join(dir, 'secret.yaml'), `x: { code: ${SECRET} }\nS0: { enum: [${SECRET}] }\n`);
}
mkdirSync(join(repo, 'server/links'));
symlinkSync(join(top, 'secret.ts'), join(repo, 'server/links/file.ts'));
symlinkSync(join(top, 'outside'), join(repo, 'server/links/dir'));
symlinkSync(join(top, 'secret.yaml'), join(repo, 'linked.yaml'));
execFileSync('mkfifo', [join(repo, 'server/fifo.ts')]);
execFileSync('mkfifo', [join(repo, 'fifo.yaml')]);
mkdirSync(join(repo, 'server/dir.ts'));
const catalogDir = join(repo, 'catalog');
const catalogText = readFileSync(join(catalogDir, 'catalog.yaml'), 'utf8');

const SEGMENTS = [
  '..', '.', '*', '**', '?', '[.]', '[.][.]', '.[.]', '{..,x}', '{,../}', '{/etc,x}', '{x,{..,y}}', '\\.\\.', '.\\.', '..\\',
  '@(..|x)', '+(..)', '!(x)', 'server', 'catalog', 'codes', 'links', 'dir', 'outside', 'repo', 'secret.ts', '*.ts', '*.py', 'fifo.ts',
  'dir.ts', 'file.ts', '/etc', '/proc/self', 'environ', top, `{${top},x}`, '', 'ts', 'py', '**/*',
];
const glob = fc.tuple(fc.constantFrom('', '/', '../', '../server/', '../server/ts/'), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 }))
  .map(([start, parts]) => start + parts.join('/'));

test(`fuzz sources: ${RUNS * 4} random globs never read outside the repository, the same twice`, { timeout: 0 }, () => {
  const root = resolve(repo);
  const stats = { read: 0, none: 0 };
  fc.assert(
    fc.property(fc.array(glob, { minLength: 1, maxLength: 3 }), fc.array(glob, { maxLength: 2 }), (include, exclude) => {
      const catalog = { sources: [{ include, exclude, pattern: '([a-z_]+)' }] } as unknown as CatalogFile;
      const scan = () => {
        const r = scanSources(catalogDir, catalog);
        return JSON.stringify({ ...r, emitted: [...r.emitted].sort() });
      };
      const first = scan();
      assert.ok(!first.includes(SECRET), `the secret was read: ${JSON.stringify(include)}`);
      for (const e of scanSources(catalogDir, catalog).emissions) assert.ok(insideRoot(resolve(e.file), root), `read ${e.file}`);
      assert.equal(scan(), first, 'a second scan found something else');
      stats[JSON.parse(first).filesRead > 0 ? 'read' : 'none']++;
    }),
    { numRuns: RUNS * 4, seed: SEED, endOnFailure: true },
  );
  console.log(`fuzz sources: ${stats.read} cases read files in the repository, ${stats.none} read none`);
});

// Random OpenAPI documents: schemas that $ref each other (cycles included), another file
// of the repository, the secret outside, URLs, broken escapes and pointers.
const REFS = [
  '#/components/schemas/S0', '#/components/schemas/S1', '#/components/schemas/S2', '#/components/schemas/S3',
  './other.yaml#/S0', './other.yaml#/S1', 'other.yaml', '../secret.yaml#/S0', '../outside/secret.yaml#/x', './linked.yaml#/S0',
  './fifo.yaml#/x', '/etc/passwd#/x', 'https://example.com/x.yaml#/S', '#/components/schemas/S%ff', './o%ffther.yaml#/S0',
  '#/components/schemas', '#', '#/paths', '#/components/schemas/~2', '#/components/responses/R0', './missing.yaml#/S0',
];
const CODES = ['order_not_found', 'out_of_stock', 'invalid_quantity', 'rate_limited', 'unknown_code', ''];
const ref = fc.constantFrom(...REFS).map(($ref) => ({ $ref }));
const schema = fc.oneof(
  ref,
  fc.record({ allOf: fc.array(ref, { maxLength: 3 }) }),
  fc.record({ oneOf: fc.array(ref, { maxLength: 3 }), anyOf: fc.array(ref, { maxLength: 2 }) }),
  fc.record({ type: fc.constant('object'), properties: fc.record({ code: fc.oneof(ref, fc.record({ enum: fc.array(fc.constantFrom(...CODES), { maxLength: 3 }) })) }) }),
  fc.record({ const: fc.constantFrom(...CODES) }),
);
const response = fc.oneof(
  ref,
  fc.record({
    description: fc.constant('x'),
    content: fc.record({ 'application/problem+json': fc.record({ schema, example: fc.record({ code: fc.constantFrom(...CODES) }) }, { requiredKeys: [] }) }),
  }),
);
const document = fc.record({
  openapi: fc.constantFrom('3.1.0', '3.0.3', '2.0', 'x'),
  info: fc.constant({ title: 'T', version: '1' }),
  paths: fc.dictionary(fc.constantFrom('/orders', '/orders/{id}', '/x/%ff', '/~1', ''), fc.record({ get: fc.record({ responses: fc.dictionary(fc.constantFrom('404', '409', '4XX', 'default', 'abc'), response, { maxKeys: 3 }) }) }, { requiredKeys: [] }), { maxKeys: 3 }),
  components: fc.record({ schemas: fc.dictionary(fc.constantFrom('S0', 'S1', 'S2', 'S3'), schema, { maxKeys: 4 }), responses: fc.dictionary(fc.constantFrom('R0'), response, { maxKeys: 1 }) }),
});
/** A few ways to damage the text: bytes, deep nesting, a cut. */
const damage = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  fc.record({ at: fc.nat(), text: fc.constantFrom('[', '{', '- ', ': ', '%ff', '\u0000', '"', '*a', '&a ', '!!binary', '\t'), count: fc.constantFrom(1, 3, 2_000, 60_000) }),
);
const SETTINGS = ['../secret.yaml', '../linked.yaml', '../fifo.yaml', '/etc/passwd', '../server', '../missing.yaml', '../o%ffpenapi.yaml'];

/** The text report of a check of the fixture with this document; asserts nothing internal failed. */
function report(): string {
  const r = checkCatalog(catalogDir);
  assert.deepEqual(r.diagnostics.filter((d) => d.rule === INTERNAL_ERROR), [], 'the check failed internally');
  return REPORTERS.text.format({ diagnostics: r.diagnostics, codeCount: r.codeCount, docsUrl: r.docsUrl });
}

test(`fuzz OpenAPI: ${Math.ceil(RUNS / 4)} random documents end in diagnostics, the same twice, nothing from outside`, { timeout: 0 }, () => {
  const rules = new Map<string, number>();
  fc.assert(
    fc.property(document, document, damage, fc.oneof({ weight: 5, arbitrary: fc.constant('../openapi.yaml') }, fc.constantFrom(...SETTINGS)), fc.boolean(), (doc, other, cut, setting, json) => {
      let text = json ? JSON.stringify(doc, null, 2) : stringify(doc);
      if (cut) {
        const at = cut.at % (text.length + 1);
        text = text.slice(0, at) + cut.text.repeat(cut.count) + text.slice(at);
      }
      writeFileSync(join(repo, 'openapi.yaml'), text);
      writeFileSync(join(repo, 'other.yaml'), stringify(other.components.schemas));
      writeFileSync(join(catalogDir, 'catalog.yaml'), catalogText.replace('openapi: ../openapi.yaml', `openapi: '${setting}'`));
      const first = report();
      assert.ok(!first.includes(SECRET), `the secret reached the report:\n${first}`);
      assert.doesNotMatch(first, /\n\s+at .+:\d+:\d+\)?$/m, 'a stack trace');
      assert.equal(report(), first, 'a second run printed something else');
      for (const rule of new Set(first.match(/openapi-[a-z-]+/g))) rules.set(rule, (rules.get(rule) ?? 0) + 1);
    }),
    { numRuns: Math.ceil(RUNS / 4), seed: SEED, endOnFailure: true },
  );
  console.log(`fuzz OpenAPI: cases per rule reported: ${[...rules].sort().map(([r, n]) => `${r} ${n}`).join(', ')}`);
});

// Every export is safe and valid for any catalog text. errors.d.ts is compiled with tsc for
// hostile and random API names, summaries and codes: nothing can end a comment or a line
// early and add a declaration, and the type names are valid identifiers. llms-full.txt
// keeps one `### code` heading per code, whatever the Markdown of the catalog says.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkCatalog } from '../../src/catalog/check.ts';
import { buildModel, type CatalogModel } from '../../src/catalog/model.ts';
import { errorsDts, errorsJson, llmsFullTxt, llmsTxt, typePrefix } from '../../src/render/exports.ts';

const mini = checkCatalog('tests/fixtures/mini').model!;
const dir = mkdtempSync(join(tmpdir(), 'exports-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** The mini catalog with other text: the exports don't re-check, so anything goes here. */
function modelWith(api: string, codes: { code: string; summary: string; when: string }[]): CatalogModel {
  const template = mini.codes[0]!;
  return buildModel({ ...mini.catalog, api }, codes.map((c) => ({ data: { ...template, ...c, lifecycle: undefined }, file: 'x.yaml' })));
}

/** tsc over the given files, outside the project's config. '' when they compile. */
function tsc(files: Record<string, string>): string {
  const sub = mkdtempSync(join(dir, 'tsc-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(sub, name), text);
  const bin = join(process.cwd(), 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [bin, '--noEmit', '--strict', '--module', 'nodenext', ...Object.keys(files).filter((f) => !f.endsWith('.d.ts'))], {
    cwd: sub,
    encoding: 'utf8',
  });
  return r.status === 0 ? '' : r.stdout + r.stderr;
}

const injected = 'export declare const injected: 1; //';
const breakers = { 'U+2028': '\u2028', 'U+2029': '\u2029', '\\r': '\r', 'U+0085': '\u0085', '*/': ' */ ' };

test(`errors.d.ts: an api name or summary with ${Object.keys(breakers).join(', ')} adds no declaration`, () => {
  const files: Record<string, string> = {};
  Object.values(breakers).forEach((b, i) => {
    const api = `Amy${b}${injected}`;
    files[`errors${i}.d.ts`] = errorsDts(modelWith(api, [{ code: 'a_code', summary: `x${b}${injected}`, when: 'w' }]));
    files[`ok${i}.ts`] = `import type { ${typePrefix(api)}ErrorCode } from './errors${i}.js';\nconst c: ${typePrefix(api)}ErrorCode = 'a_code';\nvoid c;\n`;
    files[`use${i}.ts`] = `import { injected } from './errors${i}.js';\nvoid injected;\n`;
  });
  const errors = tsc(files).split('\n').filter((l) => /error TS/.test(l));
  // Only the files importing the injected name fail, each because it does not exist.
  assert.deepEqual(errors.map((l) => l.split('(')[0]).sort(), Object.keys(breakers).map((_, i) => `use${i}.ts`).sort(), errors.join('\n'));
  for (const l of errors) assert.match(l, /has no exported member 'injected'/);
});

test('errors.d.ts: an api name starting with a digit, or with no identifier characters, still names valid types', () => {
  assert.equal(typePrefix('1st'), '_1st');
  assert.equal(typePrefix('–'), 'Api');
  const files: Record<string, string> = {};
  ['1st', '42', '–'].forEach((api, i) => {
    const prefix = typePrefix(api);
    files[`errors${i}.d.ts`] = errorsDts(modelWith(api, [{ code: 'a_code', summary: 's', when: 'w' }]));
    files[`use${i}.ts`] = `import type { ${prefix}ErrorCode, ${prefix}ErrorStatus } from './errors${i}.js';\nconst s: ${prefix}ErrorStatus['a_code'] = ${mini.codes[0]!.statuses[0]};\nconst c: ${prefix}ErrorCode = 'a_code';\nvoid s; void c;\n`;
  });
  assert.equal(tsc(files), '');
});

const text = fc.string({ unit: 'binary', maxLength: 40 });
const anyModel = fc.record({
  api: text,
  codes: fc.uniqueArray(fc.record({ code: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), summary: text, when: text }), {
    minLength: 1,
    maxLength: 6,
    selector: (c) => c.code,
  }),
});

test('property: errors.d.ts compiles for random names, and declares exactly the three types over exactly the codes', { timeout: 300_000 }, () => {
  const samples = fc.sample(anyModel, { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 9 });
  const files: Record<string, string> = {};
  samples.forEach(({ api, codes }, i) => {
    const prefix = typePrefix(api);
    files[`errors${i}.d.ts`] = errorsDts(modelWith(api, codes));
    // Exactly these exports (an extra declaration would make `Exact` fail), and every code a key.
    files[`use${i}.ts`] = [
      `import type * as E from './errors${i}.js';`,
      `type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
      `const names: Exact<keyof typeof import('./errors${i}.js'), never> = true;`,
      `type Keys = ${codes.map((c) => JSON.stringify(c.code)).join(' | ')};`,
      `const codes: Exact<keyof E.${prefix}ErrorStatus, Keys> & Exact<E.${prefix}ErrorCode, Keys> & Exact<keyof E.${prefix}ErrorRetryable, Keys> = true;`,
      'void names; void codes;',
      '',
    ].join('\n');
  });
  assert.equal(tsc(files), '');
});

test('property: llms.txt and llms-full.txt list exactly the codes, whatever the catalog\'s Markdown says', () => {
  const markdown = fc.array(fc.constantFrom('### fake_code', '# h', '```', '````', '- [x](y)', '\r', '\u2028', 'text', '\n', ' '), { maxLength: 8 }).map((p) => p.join(''));
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), { minLength: 1, maxLength: 5 }), markdown, markdown, (codes, when, summary) => {
      const model = modelWith(summary, codes.map((code) => ({ code, summary, when })));
      const full = llmsFullTxt(model);
      assert.deepEqual([...full.matchAll(/^### (.*)$/gm)].map((m) => m[1]).sort(), [...codes].sort());
      const short = llmsTxt(model);
      assert.deepEqual([...short.matchAll(/^- \[([^\]\n]*)\]\(/gm)].map((m) => m[1]).sort(), [...codes].sort());
      assert.deepEqual(errorsJson(model).codes.map((c) => c.code).sort(), [...codes].sort());
      for (const line of short.split('\n')) assert.doesNotMatch(line, /[\r\u2028\u2029]/);
    }),
    { numRuns: 200, seed: 11 },
  );
});

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
import { checkCatalog } from '../../src/check/check.ts';
import { buildModel, type CatalogModel } from '../../src/model/model.ts';
import MarkdownIt from 'markdown-it';
import { parseSync } from 'oxc-parser';
import { isSafeHref } from '../../src/model/markdown.ts';
import { errorsDts, errorsJson, llmsFullTxt, llmsTxt, typePrefix } from '../../src/render/exports.ts';
import { errorsOpenapi } from '../../src/render/openapi.ts';
import { PLAIN_URL_HINT } from '../../src/model/schema.ts';
import { mutateFixture } from './helpers.ts';

const mini = checkCatalog('tests/fixtures/mini').model!;
const dir = mkdtempSync(join(tmpdir(), 'exports-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** The mini catalog with other text: the exports don't re-check, so anything goes here. */
function modelWith(api: string, codes: { code: string; summary: string; when: string; title?: string; titles?: Record<string, string> }[]): CatalogModel {
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
// Titles in other languages by language tag (any text: the exports don't re-check the tag).
const titles = fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z]{2}(-[A-Z]{2})?$/), text), text, { maxKeys: 3 });
const anyModel = fc.record({
  api: text,
  codes: fc.uniqueArray(fc.record({ code: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), summary: text, when: text, title: text, titles }, { requiredKeys: ['code', 'summary', 'when'] }), {
    minLength: 1,
    maxLength: 6,
    selector: (c) => c.code,
  }),
});

test('property: errors.d.ts compiles for random names, and declares exactly its types over exactly the codes, titles as literal types', { timeout: 300_000 }, () => {
  const samples = fc.sample(anyModel, { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 9 });
  const files: Record<string, string> = {};
  samples.forEach(({ api, codes }, i) => {
    const prefix = typePrefix(api);
    files[`errors${i}.d.ts`] = errorsDts(modelWith(api, codes));
    // The title types only when some code has a title (or titles in other languages), else the three.
    const declared = parseSync('errors.d.ts', files[`errors${i}.d.ts`]!, { lang: 'dts', sourceType: 'module' }).program.body.length;
    assert.equal(declared, 3 + Number(codes.some((c) => c.title !== undefined)) + Number(codes.some((c) => c.titles !== undefined)));
    // Exactly these exports (an extra declaration would make `Exact` fail), and every code a key.
    files[`use${i}.ts`] = [
      `import type * as E from './errors${i}.js';`,
      `type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
      `const names: Exact<keyof typeof import('./errors${i}.js'), never> = true;`,
      `type Keys = ${codes.map((c) => JSON.stringify(c.code)).join(' | ')};`,
      `const codes: Exact<keyof E.${prefix}ErrorStatus, Keys> & Exact<E.${prefix}ErrorCode, Keys> & Exact<keyof E.${prefix}ErrorRetryable, Keys> = true;`,
      ...titleChecks(prefix, codes),
      'void names; void codes;',
      '',
    ].join('\n');
  });
  assert.equal(tsc(files), '');
});

/** TypeScript that compiles only when errors.d.ts maps exactly the titled codes to exactly their titles, as literal types. */
function titleChecks(prefix: string, codes: { code: string; title?: string; titles?: Record<string, string> }[]): string[] {
  const key = (s: string | undefined) => JSON.stringify(s);
  const union = (list: string[]) => list.map(key).join(' | ') || 'never';
  const titled = codes.filter((c) => c.title !== undefined);
  const translated = codes.filter((c) => c.titles !== undefined);
  const out: string[] = [];
  if (titled.length) {
    out.push(`const titledKeys: Exact<keyof E.${prefix}ErrorTitle, ${union(titled.map((c) => c.code))}> = true; void titledKeys;`);
    titled.forEach((c, i) => out.push(`const t${i}: Exact<E.${prefix}ErrorTitle[${key(c.code)}], ${key(c.title)}> = true; void t${i};`));
  }
  translated.forEach((c, i) => {
    const shape = `{ ${Object.entries(c.titles!).map(([tag, t]) => `${key(tag)}: ${key(t)};`).join(' ')} }`;
    out.push(`const l${i}: Exact<E.${prefix}ErrorTitles[${key(c.code)}], ${shape}> = true; void l${i};`);
  });
  return out;
}

test('property: llms.txt and llms-full.txt list exactly the codes, whatever the catalog\'s Markdown says', () => {
  const markdown = fc.array(fc.constantFrom('### fake_code', '# h', '```', '````', '- [x](y)', '\r', '\u2028', 'text', '\n', ' '), { maxLength: 8 }).map((p) => p.join(''));
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), { minLength: 1, maxLength: 5 }), markdown, markdown, markdown, (codes, when, summary, title) => {
      // A title and its translations (the tag too) can hold a heading or a fence as well.
      const model = modelWith(summary, codes.map((code) => ({ code, summary, when, title, titles: { de: title, [title]: when } })));
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

// ---- Hostile text in every export: no raw HTML, no unsafe link, no comment breakout ----

/** Pieces a hostile catalog puts together: markup, links, link definitions, fences, comment ends, line breaks. */
const PIECES = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '</', '<', '>', '[x](javascript:alert(1))', '[x]', '[x]: javascript:alert(1)', '\n[y]: javascript:alert(2)\n',
  '<javascript:alert(1)>', '![i](javascript:x)', ']', '[', '(', ')', '`', '``', '*/', '/*', '\\', '|', '&lt;', '&#60;script>', '\n', '\r', '\u2028', '#', ' ', 'text', 'javascript:alert(1)'];
const hostile = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 30 }));
const hostileUrl = fc.oneof(
  hostile.map((s) => `https://docs.mini.test/errors/${s}`),
  fc.constantFrom('https://docs.mini.test/a)[x](javascript:alert(1))', 'https://docs.mini.test/<img src=x onerror=alert(1)>', 'https://docs.mini.test/a\\[x](javascript:alert(1))'),
);

/** The mini catalog with hostile text in every field an export carries (the exports don't re-check). */
function hostileModel(t: string[], docsUrl: string): CatalogModel {
  const at = (i: number) => t[i % t.length]!;
  const { catalog } = mini;
  const envelope = { ...catalog.envelope, title: at(0), description: at(1), fields: catalog.envelope.fields.map((f, i) => ({ ...f, notes: at(i + 2) })) };
  const codes = mini.codes.map((c, i) => ({
    data: { ...c, summary: at(i + 3), when: at(i + 4), recovery: at(i + 5), headers: [{ name: 'Retry-After', description: at(i + 6) }], retry: { ...c.retry, advice: at(i + 7) },
      title: at(i + 14), titles: { [at(i + 15)]: at(i + 16), 'pt-BR': at(i + 17) } },
    file: 'x.yaml',
  }));
  return buildModel({ ...catalog, api: at(8), title: at(9), description: at(10), intro: at(11), docs_url: docsUrl, envelope, statuses: { 404: at(12), 429: at(13) } }, codes);
}

/** Raw HTML and unsafe link targets of a Markdown text, as a renderer that allowed everything would find them. */
function markupIn(markdown: string): string[] {
  const found: string[] = [];
  const visit = (tokens: ReturnType<InstanceType<typeof MarkdownIt>['parse']>) => {
    for (const tk of tokens) {
      if (tk.type === 'html_block' || tk.type === 'html_inline') found.push(`html: ${tk.content}`);
      const href = tk.type === 'link_open' ? tk.attrGet('href') : tk.type === 'image' ? tk.attrGet('src') : null;
      if (href !== null && !isSafeHref(String(href))) found.push(`link: ${href}`);
      if (tk.children) visit(tk.children);
    }
  };
  for (const md of permissive) visit(md.parse(markdown, {}));
  return found;
}
// As CommonMark, and as a viewer that links bare URLs reads it.
const permissive = [false, true].map((linkify) => Object.assign(new MarkdownIt({ html: true, linkify }), { validateLink: () => true }));

/** Every CommonMark text of an OpenAPI document: `description`s, and x-enum-descriptions (rendered by viewers too). */
function openapiMarkdown(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) openapiMarkdown(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'description' && typeof v === 'string') out.push(v);
      else if (k === 'x-enum-descriptions' && Array.isArray(v)) out.push(...v.map(String));
      else openapiMarkdown(v, out);
    }
  }
  return out;
}

test('a docs_url with <img onerror> or a javascript: link reaches no OpenAPI description as markup (the check aside)', () => {
  for (const url of ['https://docs.mini.test/errors/<img src=x onerror=alert(1)>', 'https://docs.mini.test/a)[x](javascript:alert(1))']) {
    const texts = openapiMarkdown(errorsOpenapi(hostileModel(['plain'], url)));
    assert.ok(texts.length > 5);
    for (const t of texts) assert.deepEqual(markupIn(t), [], t);
  }
});

test('property: hostile catalog text makes no raw HTML, unsafe link or comment breakout in any export', () => {
  fc.assert(
    fc.property(fc.array(hostile, { minLength: 1, maxLength: 14 }), hostileUrl, (texts, url) => {
      let model: CatalogModel;
      try {
        model = hostileModel(texts, url);
      } catch {
        return; // not a URL at all: the check refuses it before any export is made
      }
      for (const t of openapiMarkdown(errorsOpenapi(model))) assert.deepEqual(markupIn(t), [], `OpenAPI description: ${JSON.stringify(t)}`);
      // Each Markdown export is one document: a link definition in one text could serve another.
      for (const [name, doc] of [['llms.txt', llmsTxt(model)], ['llms-full.txt', llmsFullTxt(model)]]) assert.deepEqual(markupIn(doc!), [], name);
      // errors.d.ts: exactly its five declarations (the three, the titles and their translations), whatever a comment or string held.
      const dts = parseSync('errors.d.ts', errorsDts(model), { lang: 'dts', sourceType: 'module' });
      assert.deepEqual(dts.errors, []);
      assert.deepEqual(dts.program.body.map((s) => s.type), Array(5).fill('ExportNamedDeclaration'));
      // errors.json and the OpenAPI fragment carry the texts as they are, in JSON.
      const json = JSON.parse(JSON.stringify(errorsJson(model)));
      assert.equal(json.codes[0].summary, model.codes[0]!.summary);
      assert.deepEqual([json.codes[0].title, json.codes[0].titles], [model.codes[0]!.title, { ...model.codes[0]!.titles }]);
      const examples = Object.values(JSON.parse(JSON.stringify(errorsOpenapi(model))).components.responses as Record<string, { content: Record<string, { examples: Record<string, { 'x-titles'?: unknown }> }> }>)
        .flatMap((r) => Object.values(r.content).flatMap((c) => Object.values(c.examples)));
      assert.ok(examples.length > 0 && examples.every((e) => e['x-titles'] !== undefined));
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 21 },
  );
});

test('the check: docs_url is a plain absolute https: URL (http: only for localhost), with a hint', () => {
  const checked = (url: string) => checkCatalog(mutateFixture('tests/fixtures/mini', [['catalog.yaml', 'docs_url: https://docs.mini.test/errors', `docs_url: '${url}'`]]));
  for (const url of ['https://docs.mini.test/errors/<img src=x onerror=alert(1)>', 'https://docs.mini.test/a)[x](javascript:alert(1))', 'javascript:alert(1)//', 'http://docs.mini.test/errors', 'https://user:pw@docs.mini.test/errors', 'https://docs.mini.test/a b']) {
    const r = checked(url);
    assert.equal(r.model, undefined, url);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.rule, d.message, d.hint]), [[5, 'invalid-value', 'docs_url: must be a plain absolute https: URL (http: only for localhost)', PLAIN_URL_HINT]], url);
  }
  // Accepted (the examples' own docs_url then disagree, another rule's business).
  for (const url of ['https://docs.mini.test/errors/', 'http://localhost:4321/errors', 'https://docs.mini.test/wiki/Errors_(API)']) {
    assert.deepEqual(checked(url).diagnostics.filter((d) => d.rule === 'invalid-value'), [], url);
  }
});

// A code's title in other languages (`titles:`, RFC 9457 lets `title` vary by language)
// reaches every export a client reads: errors.json, errors.d.ts, the OpenAPI fragment and
// llms-full.txt. A catalog without titles gets none of the new fields.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { errorsDts, errorsJson, llmsFullTxt } from '../../src/render/exports.ts';
import { errorsOpenapi } from '../../src/render/openapi.ts';
import { mutateFixture } from './helpers.ts';

const N = 'catalog/codes/order_not_found.yaml';
const dir = mutateFixture('tests/fixtures/api', [[N, 'title: Order not found\n', 'title: Order not found\ntitles: { de: Bestellung nicht gefunden, pt-BR: Pedido não encontrado }\n']]);
test.after(() => rmSync(dir, { recursive: true, force: true }));
const result = checkCatalog(join(dir, 'catalog'));
const model = result.model!;
const plain = checkCatalog('tests/fixtures/mini').model!;
const TITLES = { de: 'Bestellung nicht gefunden', 'pt-BR': 'Pedido não encontrado' };

test('the catalog with titles is clean', () => {
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
});

test('errors.json: title and titles on the codes that have them, absent elsewhere', () => {
  const codes = errorsJson(model).codes;
  const order = codes.find((c) => c.code === 'order_not_found')!;
  assert.equal(order.title, 'Order not found');
  assert.deepEqual(order.titles, TITLES);
  const other = codes.find((c) => c.code === 'out_of_stock')!;
  assert.equal(other.title, 'Out of stock');
  assert.ok(!('titles' in other));
  assert.ok(errorsJson(plain).codes.every((c) => !('titles' in c) && !('title' in c)));
});

test('errors.d.ts: the title and the titles by language as literal types a client can compile against', () => {
  const dts = errorsDts(model);
  const prefix = /export type (\w+)ErrorCode =/.exec(dts)![1]!;
  assert.match(dts, new RegExp(`export interface ${prefix}ErrorTitles \\{\\n  "order_not_found": \\{ "de": "Bestellung nicht gefunden"; "pt-BR": "Pedido não encontrado"; \\};\\n\\}`));
  const sub = mkdtempSync(join(tmpdir(), 'titles-'));
  try {
    writeFileSync(join(sub, 'errors.d.ts'), dts);
    writeFileSync(join(sub, 'use.ts'), [
      `import type { ${prefix}ErrorTitle, ${prefix}ErrorTitles } from './errors.js';`,
      `const title: ${prefix}ErrorTitle['order_not_found'] = 'Order not found';`,
      `const de: ${prefix}ErrorTitles['order_not_found']['de'] = 'Bestellung nicht gefunden';`,
      `// @ts-expect-error: a title the catalog does not have`,
      `const wrong: ${prefix}ErrorTitles['order_not_found']['de'] = 'Order not found';`,
      'void title; void de; void wrong;',
      '',
    ].join('\n'));
    const r = spawnSync(process.execPath, [join(process.cwd(), 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', 'use.ts'], { cwd: sub, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(sub, { recursive: true, force: true });
  }
  // No title types for a catalog without titles.
  assert.doesNotMatch(errorsDts(plain), /ErrorTitle/);
});

test('OpenAPI: each example of a code with titles carries them as x-titles', () => {
  type Examples = Record<string, { 'x-titles'?: Record<string, string> }>;
  const doc = errorsOpenapi(model) as { components: { responses: Record<string, { content: Record<string, { examples: Examples }> }> } };
  const examples = (status: number) => Object.values(doc.components.responses[`Error${status}`]!.content).flatMap((c) => Object.entries(c.examples));
  const order = examples(404).filter(([name]) => name.startsWith('order_not_found'));
  assert.ok(order.length > 0);
  for (const [, e] of order) assert.deepEqual(e['x-titles'], TITLES);
  assert.ok(examples(409).every(([, e]) => !('x-titles' in e)));
  assert.doesNotMatch(JSON.stringify(errorsOpenapi(plain)), /x-titles/);
});

test('llms-full.txt: the title and its translations, as text under the code', () => {
  const full = llmsFullTxt(model);
  const section = full.slice(full.indexOf('### order_not_found'));
  assert.match(section, /\n- Title: Order not found\n- Title in other languages: de: Bestellung nicht gefunden; pt-BR: Pedido não encontrado\n/);
  assert.doesNotMatch(llmsFullTxt(plain), /Title in other languages/);
});

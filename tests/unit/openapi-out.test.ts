import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { checkCatalog } from '../../src/check/check.ts';
import { main } from '../../src/cli/main.ts';
import { errorsOpenapi, responseName } from '../../src/render/openapi.ts';
import { getPath } from '../../src/model/examples.ts';
import { MINI_ERRORS_ARRAY, mutateFixture, type Edit } from './helpers.ts';

const amy = checkCatalog('catalog').model!;
type Doc = { components: { schemas: Record<string, any>; responses: Record<string, any> } };

test('the fragment is a valid OpenAPI 3.1 document (swagger-parser validates it)', async () => {
  for (const dir of ['catalog', 'examples/almyty/catalog', 'tests/fixtures/hostile', mutateFixture('tests/fixtures/mini', MINI_ERRORS_ARRAY)]) {
    const doc = errorsOpenapi(checkCatalog(dir).model!);
    await SwaggerParser.validate(structuredClone(doc) as never);
  }
});

test('envelope schema: field names and types from the catalog, code as an enum, docs_url as a URI', () => {
  const doc = errorsOpenapi(amy) as unknown as Doc;
  const error = doc.components.schemas.Error;
  assert.deepEqual(error.required, ['error']);
  const inner = error.properties.error;
  assert.deepEqual(inner.required, ['code', 'message', 'request_id', 'docs_url']);
  assert.equal(inner.properties.message.type, 'string');
  assert.equal(inner.properties.docs_url.format, 'uri');
  assert.equal(inner.properties.code.$ref, '#/components/schemas/ErrorCode');
  // webhook_signature_invalid's shape has no code field: its code is never a value of one.
  assert.deepEqual([...doc.components.schemas.ErrorCode.enum].sort(), amy.codes.map((c) => c.code).filter((c) => c !== 'webhook_signature_invalid').sort());
  // invalid_field adds error.field: documented, optional.
  assert.match(inner.properties.field.description, /^Only with invalid_field\./);
  assert.ok(!inner.required.includes('field'));
});

test('one response per status, a named example per code with its docs link', () => {
  const doc = errorsOpenapi(amy) as unknown as Doc;
  const statuses = [...new Set(amy.codes.flatMap((c) => c.statuses))];
  assert.deepEqual(Object.keys(doc.components.responses).sort(), statuses.map(responseName).sort());
  for (const c of amy.codes) {
    for (const s of c.statuses) {
      const r = doc.components.responses[responseName(s)];
      const examples = Object.values(r.content as Record<string, { examples: Record<string, any> }>)
        .reduce((all, m) => ({ ...all, ...m.examples }), {} as Record<string, any>);
      const ex = examples[c.code];
      assert.ok(ex, `${c.code} in ${s}`);
      assert.equal(ex['x-docs-url'], c.docsUrl);
      assert.ok(ex.description.includes(c.docsUrl));
      assert.ok(r.description.includes(c.docsUrl));
      if (c.code !== 'webhook_signature_invalid') {
        assert.equal(getPath(ex.value, 'error.code'), c.code);
        assert.equal(getPath(ex.value, 'error.docs_url'), c.docsUrl);
        assert.equal(typeof getPath(ex.value, 'error.request_id'), 'string', `${c.code}: required fields filled`);
      }
    }
  }
  // The webhook code follows its own shape: the 401 response offers both.
  const r401 = doc.components.responses.Error401.content['application/json'];
  assert.deepEqual(r401.schema.oneOf.map((s: { $ref: string }) => s.$ref).sort(),
    ['#/components/schemas/Error', '#/components/schemas/Error-webhook']);
  assert.equal(r401.examples.webhook_signature_invalid.value.error, 'invalid_signature');
  // Headers a code sends are on its status's response.
  assert.ok(doc.components.responses.Error429.headers['Retry-After']);
});

test('an API document can $ref the fragment', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-oa-'));
  assert.equal(main(['openapi', 'catalog', '--out', join(dir, 'errors.openapi.json')], { write: () => true } as never), 0);
  writeFileSync(join(dir, 'api.json'), JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Amy', version: '1' },
    paths: { '/v1/turns/{id}': { get: {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'ok' }, '404': { $ref: './errors.openapi.json#/components/responses/Error404' } },
    } } },
  }));
  const api = await SwaggerParser.validate(join(dir, 'api.json')) as unknown as { paths: Record<string, any> };
  const examples = api.paths['/v1/turns/{id}'].get.responses['404'].content['application/json'].examples;
  assert.ok(examples.turn_not_found);
  assert.ok(JSON.parse(readFileSync(join(dir, 'errors.openapi.json'), 'utf8')).components);
});

test('every code\'s example carries its own code, detail and instance, never another code\'s', () => {
  // The Orders fixture with detail and instance required: codes without an example of a
  // status are synthesized, and must not borrow the envelope's example (order_not_found's).
  const dir = mkdtempSync(join(tmpdir(), 'errcat-oa-own-'));
  cpSync('tests/fixtures/api', dir, { recursive: true });
  const edit = (file: string, from: string | RegExp, to: string) =>
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll(from, to));
  edit('catalog/catalog.yaml', '      required: false\n', '');
  edit('catalog/catalog.yaml', '"detail": "No order ord_42.",', '"detail": "No order ord_42.", "instance": "/orders/ord_42",');
  edit('catalog/catalog.yaml', 'statuses:\n', 'statuses:\n  "410": Gone for good.\n');
  edit('catalog/codes/out_of_stock.yaml', '"status": 409,', '"status": 409, "detail": "Only 2 left.", "instance": "/orders/ord_7",');
  // A second status for the code with an example: its own instance, not a synthesized one.
  edit('catalog/codes/order_not_found.yaml', 'status: 404', 'status: [404, 410]');
  const result = checkCatalog(join(dir, 'catalog'));
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  const model = result.model!;
  const doc = errorsOpenapi(model) as unknown as Doc;
  const owner = new Map<unknown, string>([['No order ord_42.', 'order_not_found'], ['/orders/ord_42', 'order_not_found']]);
  let checked = 0;
  for (const c of model.codes.filter((x) => x.lifecycle?.state !== 'retired')) {
    for (const s of c.statuses) {
      const content = doc.components.responses[responseName(s)].content as Record<string, { examples: Record<string, any> }>;
      const value = content['application/problem+json']!.examples[c.code].value;
      assert.equal(value.code, c.code, `${c.code} under ${s}`);
      assert.equal(value.status, s);
      for (const field of ['detail', 'instance']) {
        assert.equal(typeof value[field], 'string', `${c.code} under ${s}: required ${field} filled`);
        assert.equal(owner.get(value[field]) ?? c.code, c.code, `${c.code} under ${s}: ${field} "${value[field]}" is another code's`);
      }
      checked++;
    }
  }
  assert.ok(checked >= 4, `${checked} examples checked`);
  const r410 = doc.components.responses.Error410.content['application/problem+json'].examples.order_not_found.value;
  assert.equal(r410.instance, '/orders/ord_42');
});

/** Mini with `errors[].code` and a second status without an example: its body is synthesized through the array. */
const ERRORS_ARRAY_410: Edit[] = [...MINI_ERRORS_ARRAY,
  ['catalog.yaml', 'statuses:\n', 'statuses:\n  "410": Gone.\n'],
  ['codes/thing_not_found.yaml', 'status: 404', 'status: [404, 410]'],
  ['shipped.yaml', 'status: [404]', 'status: [404, 410]']];

test('errors[].code: the code enum sits in the items of an `errors` array, and examples carry the array', () => {
  const dir = mutateFixture('tests/fixtures/mini', ERRORS_ARRAY_410);
  const result = checkCatalog(dir);
  assert.deepEqual(result.diagnostics, []);
  const doc = errorsOpenapi(result.model!) as unknown as Doc;
  const error = doc.components.schemas.Error;
  assert.deepEqual(error.required, ['errors']);
  assert.equal(error.properties.errors.type, 'array');
  const item = error.properties.errors.items;
  assert.equal(item.properties.code.$ref, '#/components/schemas/ErrorCode');
  assert.equal(item.properties.docs_url.format, 'uri');
  assert.deepEqual(item.required, ['code', 'message', 'docs_url']);
  assert.match(item.properties.limit.description, /^Only with rate_limited\./);
  const value = (s: number) => doc.components.responses[responseName(s)].content['application/json'].examples.thing_not_found.value;
  assert.equal(value(404).errors[0].message, 'No thing thing_1.');
  assert.deepEqual(value(410), { errors: [{ code: 'thing_not_found', docs_url: 'https://docs.mini.test/errors#thing_not_found', message: 'No thing has this ID.' }] });
});

test('a code shown in two shapes: an example of each, so the one with a code field names it', () => {
  // Mini's rate_limited shows the envelope (with error.code) and the slim shape (without).
  const doc = errorsOpenapi(checkCatalog('tests/fixtures/mini').model!) as unknown as Doc;
  const r429 = doc.components.responses.Error429.content['application/json'];
  assert.deepEqual(r429.schema.oneOf.map((s: { $ref: string }) => s.$ref).sort(), ['#/components/schemas/Error', '#/components/schemas/Error-slim']);
  assert.deepEqual(r429.examples.rate_limited.value, { error: 'slow_down' });
  assert.equal(r429.examples['rate_limited (response-shape)'].value.error.code, 'rate_limited');
  assert.ok(doc.components.schemas.ErrorCode.enum.includes('rate_limited'));
});

test('a shape whose fields contradict each other (`errors` and `errors[].code`) is exported without a crash', async () => {
  const odd = ['errors', 'errors[].code', 'errors.x', 'list[].code', 'list', 'list.y[].z', 'list[].code']
    .map((name) => `      - name: ${name}\n        type: string\n        notes: Odd.\n`).join('');
  const dir = mutateFixture('tests/fixtures/mini', [['catalog.yaml', 'categories:', `  - id: odd\n    title: Odd\n    fields:\n${odd}categories:`]]);
  const result = checkCatalog(dir);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  const doc = errorsOpenapi(result.model!) as unknown as Doc;
  assert.ok(doc.components.schemas['Error-odd']);
  await SwaggerParser.validate(structuredClone(doc) as never);
});

/** The payments catalog without its own document (drifted on purpose): an exported one stands in for it. */
const paymentsCatalog = () => join(mutateFixture('tests/fixtures/payments', [['catalog/catalog.yaml', 'openapi: ../openapi.yaml', '']]), 'catalog');

/** What `check --openapi` finds in an API document that `$ref`s every response exported from the catalog. */
function roundTrip(dir: string): string[] {
  const doc = errorsOpenapi(checkCatalog(dir).model!) as unknown as Doc;
  const out = mkdtempSync(join(tmpdir(), 'errcat-oa-rt-'));
  writeFileSync(join(out, 'errors.openapi.json'), JSON.stringify(doc));
  const paths: Record<string, unknown> = {};
  for (const response of Object.keys(doc.components.responses)) {
    const status = response.replace(/^Error/, '');
    paths[`/status-${status}`] = { get: { responses: {
      '200': { description: 'ok' },
      [status]: { $ref: `./errors.openapi.json#/components/responses/${response}` },
    } } };
  }
  writeFileSync(join(out, 'api.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 'Round trip', version: '1' }, paths }));
  return checkCatalog(dir, { openapi: join(out, 'api.json') }).diagnostics.map((d) => `${d.rule} ${d.message}`);
}

test('round trip: an API document that $refs every exported response passes `check --openapi` against the same catalog', () => {
  const catalogs = {
    mini: 'tests/fixtures/mini',
    'mini with errors[].code': mutateFixture('tests/fixtures/mini', ERRORS_ARRAY_410),
    amy: 'catalog',
    payments: paymentsCatalog(),
  };
  for (const [name, dir] of Object.entries(catalogs)) assert.deepEqual(roundTrip(dir), [], name);
});

test('what the catalog says comes with a code: Retry-After for retry advice that waits for it, x-deprecated on a deprecated code\'s example', () => {
  const doc = errorsOpenapi(checkCatalog(paymentsCatalog()).model!) as unknown as Doc;
  // service.busy lists no headers, but its retry advice honours Retry-After.
  assert.match(doc.components.responses.Error503.headers['Retry-After'].description, /^With `service\.busy`:/);
  const examples = doc.components.responses.Error400.content['application/problem+json'].examples;
  assert.equal(examples['card.legacy_token']['x-deprecated'], true);
  assert.equal(Object.values(examples).filter((e: any) => e['x-deprecated']).length, 1);
});

/** The Orders fixture (problem+json) without its own document, edited. */
const ordersCatalog = (edits: Edit[]) => join(mutateFixture('tests/fixtures/api', [['catalog/catalog.yaml', 'openapi: ../openapi.yaml', ''], ...edits]), 'catalog');
const EXAMPLES_WITH_TYPE = ['order_not_found', 'out_of_stock'].map((c) => `catalog/codes/${c}.yaml`);
const NO_STATUS: Edit[] = [
  ['catalog/catalog.yaml', '  status_field: status\n', ''],
  ['catalog/catalog.yaml', '    - name: status\n      type: integer\n      notes: The HTTP status, repeated.\n', ''],
  ['catalog/catalog.yaml', '"status": 404,', ''],
  ['catalog/codes/order_not_found.yaml', '"status": 404,', ''],
  ['catalog/codes/out_of_stock.yaml', '"status": 409,', ''],
];

test('an envelope without `status`: synthesized examples leave it out too', () => {
  const result = checkCatalog(ordersCatalog(NO_STATUS));
  assert.deepEqual(result.diagnostics, []);
  const doc = errorsOpenapi(result.model!) as unknown as Doc;
  const values = Object.values(doc.components.responses).flatMap((r) => Object.values(r.content['application/problem+json'].examples).map((e: any) => e.value));
  assert.equal(values.length, 4, 'one example per live code (coupon_expired is retired)');
  for (const v of values) {
    assert.ok(!('status' in v), JSON.stringify(v));
    assert.match(v.type, /^https:\/\/docs\.orders\.test\/problems\//);
  }
});

test('round trip for problem details: tag: and about:blank type URIs, no status, per-language titles', () => {
  const typeUri = (uri: string, perCode: string): Edit[] => [
    ['catalog/catalog.yaml', 'https://docs.orders.test/problems/{code}', uri],
    ...EXAMPLES_WITH_TYPE.map((f): Edit => [f, /https:\/\/docs\.orders\.test\/problems\/([a-z_]+)/g, perCode]),
  ];
  const variants: Record<string, Edit[]> = {
    orders: [],
    'tag: type URIs': typeUri('tag:orders.test,2026:problems/{code}', 'tag:orders.test,2026:problems/$1'),
    'about:blank': typeUri('about:blank', 'about:blank'),
    'no status': NO_STATUS,
    'a German title shown': [
      ['catalog/codes/order_not_found.yaml', 'title: Order not found\n', 'title: Order not found\ntitles:\n  de: Bestellung nicht gefunden\n'],
      ['catalog/codes/order_not_found.yaml', '"title": "Order not found"', '"title": "Bestellung nicht gefunden"'],
    ],
  };
  for (const [name, edits] of Object.entries(variants)) {
    const dir = ordersCatalog(edits);
    assert.deepEqual(checkCatalog(dir).diagnostics, [], `${name}: the catalog is clean`);
    assert.deepEqual(roundTrip(dir), [], name);
  }
});

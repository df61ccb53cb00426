// A problem+json catalog (RFC 9457): the fixture API's catalog declares it; each edit
// below breaks one promise of a problem details body and must be reported where it is.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { errorsJson } from '../../src/render/exports.ts';
import { errorsOpenapi } from '../../src/render/openapi.ts';
import { mutateFixture, type Edit } from './helpers.ts';

const API = 'tests/fixtures/api';
const N = 'catalog/codes/order_not_found.yaml';

function diagnosticsAfter(edits: Edit[]) {
  const dir = mutateFixture(API, edits);
  return checkCatalog(join(dir, 'catalog')).diagnostics.filter((d) => d.rule.startsWith('problem-'));
}

test('the fixture API catalog is a clean problem+json catalog', () => {
  const result = checkCatalog(join(API, 'catalog'));
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(result.model!.catalog.envelope.media_type, 'application/problem+json');
});

const cases: { rule: string; edits: Edit[]; at?: [string, number, number]; message: RegExp }[] = [
  { rule: 'problem-type', edits: [[N, 'problems/order_not_found"', 'problems/not_found"']], at: [N, 18, 17],
    message: /type "https:\/\/docs.orders.test\/problems\/not_found" but the type of "order_not_found" is "https:\/\/docs.orders.test\/problems\/order_not_found"/ },
  { rule: 'problem-title', edits: [[N, '"title": "Order not found"', '"title": "No order ord_42"']], at: [N, 19, 18],
    message: /title "No order ord_42" but the title of "order_not_found" is "Order not found"/ },
  { rule: 'problem-status', edits: [[N, '"status": 404', '"status": 410']], at: [N, 20, 19], message: /status 410 but "order_not_found" is returned with 404/ },
  { rule: 'problem-media-type', edits: [[N, 'Content-Type: application/problem+json', 'Content-Type: application/json']], at: [N, 15, 21],
    message: /Content-Type "application\/json" but Problem details bodies are application\/problem\+json/ },
  { rule: 'problem-title', edits: [['catalog/codes/invalid_quantity.yaml', 'title: Invalid quantity\n', '']],
    at: ['catalog/codes/invalid_quantity.yaml', 5, 1], message: /"invalid_quantity" has no title/ },
  { rule: 'problem-envelope', edits: [['catalog/catalog.yaml', /    - name: title\n.*\n.*\n/, '']], at: ['catalog/catalog.yaml', 11, 15],
    message: /declares no "title" field/ },
  { rule: 'problem-envelope', edits: [['catalog/catalog.yaml', 'code_field: code', 'code_field: error.code']], message: /must be a top-level member/ },
  // An http example's body repeats its own status line (both statuses of the code, so only this disagreement is left).
  { rule: 'problem-status', edits: [[N, 'status: 404', 'status: [404, 410]'], [N, '"status": 404', '"status": 410']], at: [N, 20, 19],
    message: /body shows status 410 under the status line 404/ },
  { rule: 'problem-instance', edits: [[N, '"instance": "/orders/ord_42"', '"instance": "orders 42"']], at: [N, 22, 21],
    message: /instance "orders 42", which is not a URI reference/ },
  { rule: 'problem-instance', edits: [[N, '"instance": "/orders/ord_42"', '"instance": "or ders:42"']], message: /not a URI reference/ },
  { rule: 'problem-extension-name', edits: [[N, '"detail": "No order ord_42.",', '"detail": "No order ord_42.", "x-id": 1,']],
    message: /extension member "x-id" is not letters, digits and "_"/ },
];

for (const c of cases) {
  test(`${c.rule}: ${c.message.source.slice(0, 40)}`, () => {
    const found = diagnosticsAfter(c.edits).filter((d) => d.rule === c.rule);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0]!.message, c.message);
    if (c.at) {
      assert.ok(found[0]!.file.endsWith(c.at[0]), found[0]!.file);
      assert.deepEqual([found[0]!.line, found[0]!.col], [c.at[1], c.at[2]]);
    }
  });
}

test('what RFC 9457 allows is accepted: tag:, urn: and about:blank types, an envelope without status, localised titles', () => {
  const C = 'catalog/catalog.yaml';
  for (const [uri, want] of [['tag:orders.test,2026:{code}', 'tag:orders.test,2026:order_not_found'], ['urn:orders:problem:{code}', 'urn:orders:problem:order_not_found'], ['about:blank', 'about:blank']]) {
    const dir = mutateFixture(API, [[C, 'type_uri: https://docs.orders.test/problems/{code}', `type_uri: '${uri}'`]]);
    const found = checkCatalog(join(dir, 'catalog')).diagnostics;
    assert.deepEqual(found.filter((d) => d.rule === 'invalid-value'), [], uri);
    // The examples still show the https type, now compared with the one the catalog sets.
    assert.ok(found.some((d) => d.rule === 'problem-type' && d.message.includes(`the type of "order_not_found" is "${want}"`)), uri);
  }
  const withoutStatus = diagnosticsAfter([[C, /    - name: status\n.*\n.*\n/, ''], [C, '  status_field: status\n', '']]);
  assert.deepEqual(withoutStatus.filter((d) => d.rule === 'problem-envelope'), []);
  const localised = mutateFixture(API, [[N, 'title: Order not found\n', 'title: Order not found\ntitles: { de: Bestellung nicht gefunden, pt-BR: Pedido não encontrado }\n'],
    [N, '"title": "Order not found"', '"title": "Bestellung nicht gefunden"']]);
  assert.deepEqual(checkCatalog(join(localised, 'catalog')).diagnostics.filter((d) => d.severity === 'error'), []);
  // A title in no language of the code is still one that changed.
  const wrong = diagnosticsAfter([[N, 'title: Order not found\n', 'title: Order not found\ntitles: { de: Bestellung nicht gefunden }\n'],
    [N, '"title": "Order not found"', '"title": "Commande introuvable"']]);
  assert.equal(wrong.filter((d) => d.rule === 'problem-title').length, 1);
});

test('exports say which media type the API answers with', () => {
  const problem = checkCatalog(join(API, 'catalog')).model!;
  const amy = checkCatalog('catalog').model!;
  assert.equal(errorsJson(problem).media_type, 'application/problem+json');
  assert.equal(errorsJson(amy).media_type, 'application/json');
  const doc = errorsOpenapi(problem) as { components: { responses: Record<string, { content: Record<string, unknown> }>; schemas: Record<string, any> } };
  assert.deepEqual(Object.keys(doc.components.responses.Error404!.content), ['application/problem+json']);
  assert.equal(doc.components.schemas.Error.properties.type.format, 'uri');
  assert.deepEqual(doc.components.schemas.Error.required, ['type', 'title', 'status', 'code']);
  // The synthesized body of a code without an example follows RFC 9457.
  const ex = (doc.components.responses.Error422!.content['application/problem+json'] as { examples: Record<string, { value: unknown }> })
    .examples.invalid_quantity!.value;
  assert.deepEqual(ex, { type: 'https://docs.orders.test/problems/invalid_quantity', title: 'Invalid quantity', status: 422, code: 'invalid_quantity' });
});

// What the tests of the walk's readings share (openapi-json-positions, openapi-yaml-positions):
// the comparison of every node with `yaml`'s, the fixtures' catalogs, random OpenAPI
// documents (codes, members, $refs good, dangling and looping) and the walk both ways.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isSeq, parse, type Node } from 'yaml';
import { walkDocs } from '../../src/bridges/openapi.ts';
import { itemsOf, offsetOf, pairsOf, scalarValue, type DocFile, type DocNode } from '../../src/bridges/openapi-tree.ts';
import type { CatalogFile, CodeFile } from '../../src/model/schema.ts';

/** Every node of both readings, side by side: offsets and the order of keys agree. */
export function sameNodes(file: DocFile, yamlNode: Node, node: DocNode, path: string, values = true) {
  assert.equal(offsetOf(node), yamlNode.range![0], `offset of ${path}`);
  if (isMap(yamlNode)) {
    const pairs = pairsOf(file, node);
    assert.deepEqual(pairs.map((p) => String(scalarValue(p.key))), yamlNode.items.map((p) => String((p.key as { value?: unknown }).value)), `keys of ${path}`);
    yamlNode.items.forEach((p, i) => {
      assert.equal(offsetOf(pairs[i]!.key), (p.key as Node).range![0], `key ${path}/${i}`);
      if (p.value === null) assert.equal(pairs[i]!.value, undefined, `no value at ${path}/${i}`); // `? k` alone
      else sameNodes(file, p.value as Node, pairs[i]!.value!, `${path}/${String((p.key as { value?: unknown }).value)}`, values);
    });
  } else if (isSeq(yamlNode)) {
    const items = itemsOf(file, node);
    yamlNode.items.forEach((item, i) => sameNodes(file, item as Node, items[i]!, `${path}/${i}`, values));
  } else if (values) assert.deepEqual(scalarValue(node), (yamlNode as { value?: unknown }).value, `value of ${path}`);
}

export const catalogOf = (dir: string) => ({
  catalog: parse(readFileSync(join(dir, 'catalog.yaml'), 'utf8')) as CatalogFile,
  codes: readdirSync(join(dir, 'codes')).map((f) => parse(readFileSync(join(dir, 'codes', f), 'utf8')) as CodeFile),
});

type Reader = (path: string, text: string) => DocFile;

/** walkDocs on the same texts read both ways: before (`yaml`'s positions parse) and after. */
export function bothWays(files: Record<string, string>, root: string, catalog: CatalogFile, codes: CodeFile[], before: Reader, after: Reader) {
  const read = (as: Reader) => new Map(Object.entries(files).map(([real, text]) => [real, as(real, text)]));
  const problems = [{ message: 'must have required property', pointer: '/paths/~1a/get' }, { message: 'no pointer' }, { message: 'typed key', pointer: '/paths/~1a/get/responses/404' }];
  return [walkDocs(read(before), root, problems, catalog, codes), walkDocs(read(after), root, problems, catalog, codes)] as const;
}

export const catalogs = [catalogOf('tests/fixtures/api/catalog'), catalogOf('tests/fixtures/payments/catalog')];
const codeValue = fc.constantFrom('out_of_stock', 'order_not_found', 'rate_limited', 'coupon_expired', 'no_such_code', 1001, 'card.declined', 'rate.limited', '1001');
const member = fc.record({
  code: codeValue,
  error: codeValue,
  type: fc.constantFrom('https://docs.orders.test/problems/out_of_stock', 'https://x.test/p'),
  title: fc.constantFrom('Out of stock', 'Wrong'),
  status: fc.constantFrom(404, 409, 429, '404'),
  instance: fc.constantFrom('/orders/1', 'not a uri'),
  xy: fc.string({ maxLength: 3 }),
}, { requiredKeys: ['code'] });
const ref = fc.constantFrom('#/components/schemas/Problem', '#/components/responses/NotFound', '#/components/examples/E', '#/nowhere', 'other.yaml#/x', '#/components/schemas/Loop', '#/paths/~1a/get/responses/404');
const maybeRef = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, ref.map(($ref) => ({ $ref })));
const schema = maybeRef(fc.record({
  properties: fc.record({ code: fc.oneof(fc.record({ enum: fc.array(codeValue, { maxLength: 3 }) }), fc.record({ const: codeValue })), status: fc.record({ const: fc.constantFrom(404, 409) }) }, { requiredKeys: [] }),
  allOf: fc.array(ref.map(($ref) => ({ $ref })), { maxLength: 2 }),
  deprecated: fc.boolean(),
}, { requiredKeys: [] }));
const media = fc.record({
  schema,
  example: member,
  examples: fc.dictionary(fc.constantFrom('a', 'b', '404'), maybeRef(fc.record({ value: member, 'x-deprecated': fc.boolean() }, { requiredKeys: ['value'] })), { maxKeys: 2 }),
}, { requiredKeys: [] });
const response = maybeRef(fc.record({
  description: fc.constantFrom('Not found', 'Too many\nrequests'),
  content: fc.dictionary(fc.constantFrom('application/problem+json', 'application/json; charset=utf-8', 'text/plain'), media, { minKeys: 1, maxKeys: 2 }),
  headers: fc.dictionary(fc.constantFrom('Retry-After', 'X-Request-Id'), fc.constant({ schema: { type: 'integer' } }), { maxKeys: 2 }),
}, { requiredKeys: ['content'] }));
const operation = fc.record({
  responses: fc.dictionary(fc.constantFrom('200', '404', '409', '429', 'default', '4XX'), response, { maxKeys: 4 }),
  deprecated: fc.boolean(),
}, { requiredKeys: ['responses'] });
export const openapi = fc.record({
  openapi: fc.constant('3.1.0'),
  paths: fc.dictionary(fc.constantFrom('/a', '/orders/{id}', '/b~c', '/é'), fc.dictionary(fc.constantFrom('get', 'post', 'delete', 'parameters'), operation, { maxKeys: 3 }), { maxKeys: 3 }),
  components: fc.record({
    schemas: fc.record({ Problem: schema, Loop: fc.constant({ $ref: '#/components/schemas/Loop' }) }),
    responses: fc.record({ NotFound: response }),
    examples: fc.record({ E: fc.record({ value: member }) }),
  }),
});


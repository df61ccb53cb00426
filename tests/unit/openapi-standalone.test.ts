// A JSON document all in one file whose $refs all resolve is validated without
// swagger-parser's bundle() (openapi-standalone.ts): the validator must find exactly what it
// finds in the bundle, and anything else must still be bundled.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import validateSchema from '@apidevtools/swagger-parser/lib/validators/schema.js';
import { generateOpenapi } from '../../bench/openapi-doc.ts';
import { standalone, yamlData } from '../../src/bridges/openapi-standalone.ts';

const doc = (extra: Record<string, unknown> = {}) => ({
  openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: { '/a': { get: { responses: { 404: { $ref: '#/components/responses/NotFound' } } } } },
  components: { responses: { NotFound: { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/E' } } } } }, schemas: { E: { type: 'object' }, 'a/b~c': { type: 'string' } } },
  ...extra,
});

test('standalone: every $ref internal and resolving, a version swagger-parser takes; nothing else', () => {
  assert.ok(standalone(doc()));
  assert.ok(standalone(doc({ 'x-ref': { $ref: '#/components/schemas/a~1b~0c' }, 'x-root': { $ref: '#' } })));
  for (const [why, d] of [
    ['an external file', doc({ 'x-ref': { $ref: 'other.json#/x' } })],
    ['a dangling $ref', doc({ 'x-ref': { $ref: '#/components/schemas/Nope' } })],
    ['a %-escape', doc({ 'x-ref': { $ref: '#/components/schemas/%45' } })],
    ['a $ref on the way', doc({ 'x-ref': { $ref: '#/paths/~1a/get/responses/404/description' } })],
    ['a $ref that is not a string', doc({ 'x-ref': { $ref: 5 } })],
    ['an index that is not one', doc({ 'x-list': [1], 'x-ref': { $ref: '#/x-list/length' } })],
    ['Swagger 2.0', { ...doc(), swagger: '2.0' }],
    ['OpenAPI 3.2', { ...doc(), openapi: '3.2.0' }],
    ['a numeric version', { ...doc(), info: { title: 'T', version: 1 } }],
    ['no paths', { openapi: '3.1.0', info: { title: 'T', version: '1' } }],
    ['not an object', [doc()]],
  ] as const) assert.equal(standalone(d), false, why);
});

/** What the validator says about a value, as the worker turns it into problems. */
function problems(api: unknown): string[] {
  try {
    validateSchema(api);
    return [];
  } catch (err) {
    return ((err as { details?: { instancePath: string; message: string }[] }).details ?? [{ instancePath: '', message: (err as Error).message }]).map((d) => `${d.instancePath} ${d.message}`);
  }
}

test('a standalone document: the validator finds the same in it as in its bundle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-standalone-'));
  const base = JSON.parse(generateOpenapi(30));
  const broken = JSON.parse(generateOpenapi(30));
  // Drifts the schema reports: a response without description, a parameter without `in`, a wrong type.
  delete broken.components.responses.not_found.description;
  delete broken.components.parameters.repo.in;
  broken.paths[Object.keys(broken.paths)[0]!].get.responses = 'none';
  const v30 = { ...doc(), openapi: '3.0.3', components: { ...doc().components, schemas: { E: { type: 'object', nullable: 'yes' } } } };
  for (const [name, api] of [['generated', base], ['broken', broken], ['3.0', v30], ['3.1', doc()]] as const) {
    assert.ok(standalone(api), name);
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(api));
    const bundled = await new SwaggerParser().bundle(file, { resolve: { http: false } } as never);
    assert.deepEqual(problems(api), problems(bundled), name);
    if (name !== 'generated' && name !== '3.1') assert.ok(problems(api).length > 0, `${name} has problems to find`);
  }
  // YAML, read as swagger-parser's YAML parser reads it: anchors, and scalars other schemas read otherwise (yes, 0x10, a date).
  const yaml = `openapi: 3.0.3
info: { title: T, version: 2001-01-01 }
paths:
  /a:
    get:
      responses:
        '404': &nf
          description: yes
          content:
            application/json:
              schema: { type: object, maxLength: 0x10, $ref: '#/components/schemas/E' }
        '410': *nf
components:
  schemas:
    E: { type: object, nullable: no }
`;
  const file = join(dir, 'doc.yaml');
  writeFileSync(file, yaml);
  const data = yamlData(yaml);
  assert.ok(standalone(data));
  const bundled = await new SwaggerParser().bundle(file, { resolve: { http: false } } as never);
  assert.deepEqual(problems(data), problems(bundled));
  assert.ok(problems(data).length > 0, 'the YAML document has problems to find');
  assert.equal(yamlData('a: [1'), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { checkCatalog } from '../../src/check/check.ts';
import { main } from '../../src/cli/main.ts';
import { errorsOpenapi, responseName } from '../../src/render/openapi.ts';
import { getPath } from '../../src/model/examples.ts';

const amy = checkCatalog('catalog').model!;
type Doc = { components: { schemas: Record<string, any>; responses: Record<string, any> } };

test('the fragment is a valid OpenAPI 3.1 document (swagger-parser validates it)', async () => {
  for (const dir of ['catalog', 'examples/almyty/catalog', 'tests/fixtures/hostile']) {
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
  assert.deepEqual([...doc.components.schemas.ErrorCode.enum].sort(), amy.codes.map((c) => c.code).sort());
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

// An envelope whose code sits in an array of errors (`errors[].code`, as GitHub's API
// answers): the catalog's examples and the OpenAPI document are checked through each item.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { MINI_ERRORS_ARRAY, mutateFixture } from './helpers.ts';

const C = 'catalog.yaml';
const T = 'codes/thing_not_found.yaml';
const ARRAY = MINI_ERRORS_ARRAY;

const DOC = `openapi: 3.1.0
info: { title: Mini, version: '1' }
paths:
  /things/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '404':
          description: Not found.
          content:
            application/json:
              schema:
                properties:
                  errors:
                    type: array
                    items:
                      properties:
                        code: { enum: [thing_not_found] }
              example: { errors: [{ code: thing_not_found }, { code: thing_gone }] }
        '429':
          description: Slow down.
          headers: { Retry-After: { schema: { type: integer } } }
          content:
            application/json:
              example: { errors: [{ code: rate_limited, docs_url: 'https://docs.mini.test/errors#rate_limited' }] }
`;

test('errors[].code: the clean catalog stays clean, a wrong code in an item is found', () => {
  assert.deepEqual(checkCatalog(mutateFixture('tests/fixtures/mini', ARRAY)).diagnostics, []);
  const wrong = checkCatalog(mutateFixture('tests/fixtures/mini', [...ARRAY, [T, '"code": "thing_not_found"', '"code": "thing_lost"']])).diagnostics;
  assert.deepEqual(wrong.map((d) => `${d.rule} ${d.message}`), ['example-code-match example shows errors[].code "thing_lost" but documents "thing_not_found"']);
  const extra = checkCatalog(mutateFixture('tests/fixtures/mini', [...ARRAY, [T, '"code": "thing_not_found",', '"code": "thing_not_found", "extra": 1,']])).diagnostics;
  assert.deepEqual(extra.map((d) => `${d.rule} ${d.message}`), ['example-envelope body has "errors[].extra", which is neither in The response shape nor an extension of this code']);
});

test('errors[].code in the OpenAPI document: every item of an example, the items schema of an array', () => {
  const dir = mutateFixture('tests/fixtures/mini', [...ARRAY, [C, 'statuses:', 'openapi: openapi.yaml\nstatuses:']]);
  writeFileSync(join(dir, 'openapi.yaml'), DOC);
  const found = checkCatalog(dir).diagnostics.map((d) => `${d.line}:${d.col} ${d.rule} ${d.message}`);
  assert.deepEqual(found, [
    '19:70 openapi-unknown-code GET /things/{id} 404 example shows code "thing_gone", which the catalog does not have',
  ]);
  // The schema's items enum counts as a declaration under 404 (a wrong status there is found).
  const moved = mutateFixture(dir, [['openapi.yaml', "        '404':", "        '410':"]]);
  const statuses = checkCatalog(moved).diagnostics.filter((d) => d.rule === 'openapi-status').map((d) => `${d.line}:${d.col}`);
  assert.deepEqual(statuses, ['18:40', '19:43']);
});

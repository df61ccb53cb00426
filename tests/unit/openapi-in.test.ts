// OpenAPI in: the fixture API's document agrees with its catalog; the drifted one
// (tests/fixtures/api-drift) is reported drift by drift, each at the code's position.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { checkCatalog } from '../../src/check/check.ts';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { mutateFixture } from './helpers.ts';
import { generateOpenapi } from '../../bench/openapi-doc.ts';

const CATALOG = 'tests/fixtures/api/catalog';
const openapiOnly = (list: Diagnostic[]) => list.filter((d) => d.rule.startsWith('openapi-'));

/** The text at a diagnostic's line:col. */
function textAt(d: Diagnostic, length: number): string {
  const line = readFileSync(d.file, 'utf8').split('\n')[d.line - 1]!;
  return line.slice(d.col - 1, d.col - 1 + length);
}

test('the fixture API: its OpenAPI document (with $refs across two files) agrees with the catalog', () => {
  assert.deepEqual(openapiOnly(checkCatalog(CATALOG).diagnostics), []);
});

test('the same document as JSON reads the same', () => {
  const dir = mutateFixture('tests/fixtures/api', [['catalog/catalog.yaml', 'openapi: ../openapi.yaml', 'openapi: ../openapi.json']]);
  const doc = parse(readFileSync('tests/fixtures/api/openapi.yaml', 'utf8'));
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc, null, 2));
  assert.deepEqual(openapiOnly(checkCatalog(join(dir, 'catalog')).diagnostics), []);
  // A drift in the JSON text is reported at its line and column there.
  const text = readFileSync(join(dir, 'openapi.json'), 'utf8').replace('"code": "out_of_stock"', '"code": "out_of_stok"');
  writeFileSync(join(dir, 'openapi.json'), text);
  const [d, ...rest] = openapiOnly(checkCatalog(join(dir, 'catalog')).diagnostics).filter((x) => x.severity === 'error');
  assert.equal(rest.length, 0);
  assert.equal(d!.rule, 'openapi-unknown-code');
  assert.match(d!.hint!, /did you mean "out_of_stock"/);
  assert.equal(textAt(d!, 13), '"out_of_stok"');
});

test('every drift of the drifted document is reported at its position', () => {
  const found = openapiOnly(checkCatalog(CATALOG, { openapi: 'tests/fixtures/api-drift/openapi.yaml' }).diagnostics);
  const summary = found.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.rule}`);
  assert.deepEqual(summary, [
    'tests/fixtures/api-drift/openapi.yaml:37:124 error openapi-status',
    'tests/fixtures/api-drift/openapi.yaml:49:126 error openapi-unknown-code',
    'tests/fixtures/api-drift/openapi.yaml:57:63 error openapi-unknown-code',
    'tests/fixtures/api-drift/responses.yaml:9:44 error openapi-status',
    'tests/fixtures/api/catalog/codes/rate_limited.yaml:2:7 warning openapi-undeclared',
  ]);
  assert.equal(textAt(found[0]!, 12), 'out_of_stock');
  assert.match(found[0]!.message, /POST \/orders 422 .*"out_of_stock", which the catalog returns with 409/);
  assert.equal(textAt(found[1]!, 15), 'order_cancelled');
  assert.equal(textAt(found[2]!, 16), 'payment_required');
  assert.equal(textAt(found[3]!, 16), 'invalid_quantity');
  // A shared response is labelled with its component, and the operation it is used under.
  assert.match(found[3]!.message, /response "\.\/responses\.yaml#\/Conflict" schema \(under POST \/orders 409\) lists "invalid_quantity", which the catalog returns with 422/);
  assert.equal(textAt(found[4]!, 12), 'rate_limited');
});

test('a code enum in a referenced schema is a list of codes, not a status claim', () => {
  // The clean fixture's ErrorCode enum is reached under 404, 409, 422 and 429.
  const doc = readFileSync('tests/fixtures/api/openapi.yaml', 'utf8');
  assert.match(doc, /enum: \[order_not_found, out_of_stock, invalid_quantity, rate_limited\]/);
  assert.deepEqual(openapiOnly(checkCatalog(CATALOG).diagnostics), []);
});

test('hostile documents: outside the repository, URL and escaping $refs, cycles, invalid OpenAPI', () => {
  const toLoop: [string, string, string] = ['openapi.yaml', "$ref: '#/components/responses/NotFound'", "$ref: '#/components/responses/Loop'"];
  const cases: [edits: [string, string | RegExp, string][], rule: string, message: RegExp][] = [
    [[['catalog/catalog.yaml', 'openapi: ../openapi.yaml', 'openapi: ../../../../../../etc/hostname']], 'openapi-file', /outside|not found/],
    [[['catalog/catalog.yaml', 'openapi: ../openapi.yaml', 'openapi: ../missing.yaml']], 'openapi-file', /not found/],
    [[['openapi.yaml', "$ref: './responses.yaml#/RateLimited'", "$ref: 'https://example.com/x.yaml#/R'"]], 'openapi-ref', /does not resolve/],
    [[['openapi.yaml', "$ref: './responses.yaml#/RateLimited'", "$ref: '../../../../../../../etc/hostname#/x'"]], 'openapi-ref', /does not resolve/],
    [[toLoop], 'openapi-ref', /does not resolve/],
    [[toLoop, ['openapi.yaml', 'components:\n  responses:\n', "components:\n  responses:\n    Loop:\n      $ref: '#/components/responses/Loop'\n"]],
      'openapi-ref', /does not resolve/],
    [[['openapi.yaml', 'info:\n  title: Orders API\n  version: 1.0.0\n', '']], 'openapi-valid', /info/],
  ];
  for (const [edits, rule, message] of cases) {
    const dir = mutateFixture('tests/fixtures/api', edits);
    const found = openapiOnly(checkCatalog(join(dir, 'catalog')).diagnostics).filter((d) => d.rule === rule);
    assert.ok(found.some((d) => message.test(d.message)), `${rule} for ${JSON.stringify(edits)}: ${JSON.stringify(found)}`);
  }
});

test('openapi-undeclared: a code whose bodies have no code field cannot be named, so is not called undeclared', () => {
  const doc = `openapi: 3.1.0
info: { title: Mini, version: '1' }
paths:
  /things/{id}:
    get:
      responses:
        '404':
          description: Not found.
          content: { application/json: { example: { error: { code: thing_not_found } } } }
`;
  const withDoc = (edits: Parameters<typeof mutateFixture>[1]) => {
    const dir = mutateFixture('tests/fixtures/mini', [['catalog.yaml', 'statuses:', 'openapi: openapi.yaml\nstatuses:'], ...edits]);
    writeFileSync(join(dir, 'openapi.yaml'), doc);
    return checkCatalog(dir).diagnostics.filter((d) => d.rule === 'openapi-undeclared').map((d) => d.message.replace(dir, '<dir>'));
  };
  // rate_limited shows the envelope (error.code) beside the slim shape: a document can name it.
  assert.deepEqual(withDoc([]), ['no operation in <dir>/openapi.yaml declares "rate_limited"']);
  // Shown in the slim shape only (`{ "error": "slow_down" }`), it cannot.
  const slimOnly = withDoc([['codes/rate_limited.yaml', /  - lang: json\n    code: \|\n      \{\n        "error": \{[\s\S]*?\n      \}\n(?=  - lang: json)/, '']]);
  assert.deepEqual(slimOnly, []);
});

test('a large GitHub-shaped JSON document (1,300 operations, 11.6 MB) is read with --openapi-max-mb, every bare operation found at its place', () => {
  const dir = mutateFixture('tests/fixtures/api', [['catalog/catalog.yaml', 'openapi: ../openapi.yaml', 'openapi: ../big.json']]);
  const text = generateOpenapi(1300);
  writeFileSync(join(dir, 'big.json'), text);
  const over = openapiOnly(checkCatalog(join(dir, 'catalog')).diagnostics);
  assert.deepEqual(over.map((d) => d.rule), ['openapi-file']);
  assert.match(over[0]!.hint!, /--openapi-max-mb 15/);
  const found = openapiOnly(checkCatalog(join(dir, 'catalog'), { openapiMaxMb: 12 }).diagnostics);
  assert.deepEqual(found.filter((d) => d.rule === 'openapi-file' || d.rule === 'openapi-valid'), []);
  // One operation in nine declares no error response (bench/openapi-doc.ts).
  const bare = found.filter((d) => d.rule === 'openapi-coverage');
  assert.equal(bare.length, Math.ceil(1300 / 9));
  const lines = text.split('\n');
  for (const d of bare) assert.match(lines[d.line - 1]!.slice(0, d.col), /^ +"responses": \{$/);
});

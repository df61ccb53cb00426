// The whole error contract against the API's OpenAPI document: the payments fixture (dotted
// and numeric codes, a document split over two files) has one planted drift of each kind;
// each is reported once, at its node, labelled with its operation and response or with its
// shared component, and nothing else in the fixture raises a diagnostic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { checkCatalog } from '../../src/check/check.ts';
import { declaredCodes } from '../../src/bridges/openapi.ts';
import { docFile } from '../../src/bridges/openapi-tree.ts';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { DELETE, mutateFixture, type Edit } from './helpers.ts';

const FIXTURE = 'tests/fixtures/payments';
const DOC = `${FIXTURE}/openapi.yaml`;
const SHARED = `${FIXTURE}/components.yaml`;

/** The text at a diagnostic's line:col. */
function textAt(d: Diagnostic, length: number): string {
  const line = readFileSync(d.file, 'utf8').split('\n')[d.line - 1]!;
  return line.slice(d.col - 1, d.col - 1 + length);
}

const found = checkCatalog(`${FIXTURE}/catalog`).diagnostics;
const byRule = (rule: string, text: RegExp) => found.filter((d) => d.rule === rule && text.test(d.message));

test('every planted drift is reported once at its position, and nothing else is', () => {
  assert.deepEqual(found.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.rule}`), [
    `${SHARED}:12:28 error openapi-response`, // CardProblem's card.expired: type URI with "_" for "."
    `${SHARED}:36:136 warning openapi-coverage`, // "2002" only in the shared ErrorCode enum
    `${DOC}:26:114 error openapi-response`, // payment.conflict: status 422 under its 409
    `${DOC}:30:13 error openapi-response`, // 1001 (an integer in the example) served as application/json
    `${DOC}:50:39 error openapi-response`, // payment.not_found: a wrong title in a schema const
    `${DOC}:61:117 error openapi-response`, // rate.limited under a 429 with no Retry-After
    `${DOC}:74:127 warning openapi-lifecycle`, // card.legacy_token offered unmarked
    `${DOC}:81:117 error openapi-response`, // service.busy honours Retry-After: none declared
    `${DOC}:81:131 warning problem-extension-name`, // trace-id
    `${DOC}:93:13 error openapi-response`, // legacy.bad_request (a JSON shape) served as problem+json
    `${DOC}:99:156 error problem-instance`, // "payments/ 42"
    `${DOC}:104:140 error openapi-response`, // dispute.lost's doc_url at a wrong anchor
    `${DOC}:109:133 error openapi-lifecycle`, // refund.window_closed is retired
    `${DOC}:111:17 error openapi-ref`, // a dangling $ref, once (not again as openapi-valid)
    `${DOC}:135:119 warning openapi-coverage`, // payout.failed only under default
    `${DOC}:140:9 warning openapi-coverage`, // GET /balance: no error response
  ]);
});

test('media type, both ways', () => {
  const [json, problem] = byRule('openapi-response', /served as/);
  assert.equal(textAt(json!, 16), 'application/json');
  assert.match(json!.message, /^POST \/payments 422 example shows "1001" served as application\/json, but Problem details bodies are application\/problem\+json$/);
  assert.equal(textAt(problem!, 24), 'application/problem+json');
  assert.match(problem!.message, /"legacy\.bad_request" served as application\/problem\+json, but Legacy error bodies are application\/json/);
});

test('a response offering the catalog\'s media type beside another, or with parameters, is not a drift', () => {
  const body = "example: { type: https://docs.pay.test/problems/1001, title: Amount invalid, status: 422, code: 1001 }";
  const edits: Edit[] = [
    ['openapi.yaml', `application/json:\n              ${body}`, `application/json:\n              ${body}\n            application/problem+json:\n              ${body}`],
    ['openapi.yaml', "content:\n            application/problem+json:\n              example: { error: legacy.bad_request }",
      "content:\n            'application/json; charset=utf-8':\n              example: { error: legacy.bad_request }"],
  ];
  const after = checkCatalog(join(mutateFixture(FIXTURE, edits), 'catalog')).diagnostics;
  assert.deepEqual(after.filter((d) => / served as /.test(d.message)), []);
});

test('problem members: type, title (a schema const), status (vs the response), doc_url anchor', () => {
  const [type] = byRule('openapi-response', /type "/);
  assert.equal(textAt(type!, 43), 'https://docs.pay.test/problems/card_expired');
  const [title] = byRule('openapi-response', /title "/);
  assert.equal(textAt(title!, 15), 'Payment missing');
  assert.match(title!.message, /^GET \/payments\/\{id\} 404 schema states for "payment\.not_found" title "Payment missing", but its title is "Payment not found"$/);
  const [status] = byRule('openapi-response', /status 422/);
  assert.equal(textAt(status!, 3), '422');
  assert.match(status!.message, /but the response is 409/);
  assert.match(status!.hint!, /make it 409/);
  const [docs] = byRule('openapi-response', /doc_url/);
  assert.match(docs!.message, /anchor #dispute-lost\), but its docs_url is "https:\/\/docs\.pay\.test\/errors#dispute\.lost"/);
});

test('Retry-After: a 429, and a code whose retry advice honours it, with no header declared', () => {
  const missing = byRule('openapi-response', /no Retry-After header/);
  assert.deepEqual(missing.map((d) => textAt(d, 12)), ['rate.limited', 'service.busy']);
  // The shared RateLimited response declares it: no finding for POST /payments 429.
  assert.ok(missing.every((d) => !d.message.includes('RateLimited')));
});

test('lifecycle: a deprecated code unmarked (but not where the operation is deprecated), a retired code shown', () => {
  const [unmarked, retired] = found.filter((d) => d.rule === 'openapi-lifecycle');
  assert.match(unmarked!.message, /^POST \/payments\/\{id\}\/capture 400 example offers "card\.legacy_token"/);
  assert.equal(retired!.severity, 'error');
  assert.equal(textAt(retired!, 20), 'refund.window_closed');
});

test('coverage: only under default, only in the shared enum, no error response at all', () => {
  const messages = found.filter((d) => d.rule === 'openapi-coverage').map((d) => d.message);
  assert.deepEqual(messages, [
    '"2002" appears only in schema "#/schemas/ErrorCode"\'s shared list of codes: no operation says it can return it',
    '"payout.failed" is declared only under `default` (POST /payouts default), so its status 502 is never declared',
    'GET /balance declares no error response (no 4XX, 5XX or default)',
  ]);
  // The other codes of the enum are declared by operations: no openapi-undeclared for them either.
  assert.deepEqual(found.filter((d) => d.rule === 'openapi-undeclared'), []);
});

test('a shared response is labelled with its component, once, not with the operation that reached it first', () => {
  const [type] = byRule('openapi-response', /card_expired/);
  assert.match(type!.message, /^response "\.\/components\.yaml#\/responses\/CardProblem" example "expired" shows for "card\.expired"/);
  assert.doesNotMatch(type!.message, /POST/);
});

test('a code reached only through a YAML alias is followed', () => {
  // payment.expired is declared by GET /payments/{id} 410 through `*expired`: no openapi-undeclared above.
  const edits: Edit[] = [['openapi.yaml', '    status: 410\n    code: payment.expired', '    status: 410\n    code: payment.expird']];
  const drifted = checkCatalog(join(mutateFixture(FIXTURE, edits), 'catalog')).diagnostics.filter((d) => d.rule === 'openapi-unknown-code');
  assert.deepEqual(drifted.map((d) => [d.line, d.col]), [[11, 11]]);
  assert.match(drifted[0]!.message, /GET \/payments\/\{id\} 410 example shows code "payment\.expird"/);
});

test('the fixture without its drifts is clean', () => {
  const edits: Edit[] = [
    ['components.yaml', 'problems/card_expired', 'problems/card.expired'],
    ['components.yaml', "'2002', ", ''],
    ['catalog/codes/2002.yaml', DELETE, ''],
    ['openapi.yaml', 'title: Payment conflict, status: 422', 'title: Payment conflict, status: 409'],
    ['openapi.yaml', "application/json:\n              example: { type: https://docs.pay.test/problems/1001", "application/problem+json:\n              example: { type: https://docs.pay.test/problems/1001"],
    ['openapi.yaml', 'const: Payment missing', 'const: Payment not found'],
    ['openapi.yaml', "        '429':\n          description: Too many requests.\n", "        '429':\n          description: Too many requests.\n          headers: { Retry-After: { schema: { type: integer } } }\n"],
    ['openapi.yaml', "        '400':\n          description: The card token is of the old kind.\n", "        '400':\n          description: The card token is of the old kind.\n          x-deprecated: true\n"],
    ['openapi.yaml', "        '503':\n          description: Busy.\n", "        '503':\n          description: Busy.\n          headers: { Retry-After: { schema: { type: integer } } }\n"],
    ['openapi.yaml', ', trace-id: t1', ', trace_id: t1'],
    ['openapi.yaml', "description: An old client's request.\n          content:\n            application/problem+json:", "description: An old client's request.\n          content:\n            application/json:"],
    ['openapi.yaml', 'instance: payments/ 42', 'instance: /payments/42'],
    ['openapi.yaml', 'errors#dispute-lost', 'errors#dispute.lost'],
    ['openapi.yaml', /        '422':\n          description: The refund window[^]*?refund\.window_closed \}\n/, ''],
    ['openapi.yaml', 'responses/TooMany', 'responses/RateLimited'],
    ['openapi.yaml', "        default:\n", "        '502':\n          description: A partner failed.\n          content:\n            application/problem+json:\n              example: { type: https://docs.pay.test/problems/payout.failed, title: Payout failed, status: 502, code: payout.failed }\n        default:\n"],
    ['openapi.yaml', "          description: The balance.\n", "          description: The balance.\n        '429':\n          $ref: './components.yaml#/responses/RateLimited'\n"],
  ];
  const dir = mutateFixture(FIXTURE, edits);
  const left = checkCatalog(join(dir, 'catalog')).diagnostics;
  assert.deepEqual(left.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`), []);
});

test('aliases that fan out (each schema twice in the next, 40 deep) are walked once each', () => {
  const levels = ['x-s:', '  s0: &s0 { properties: { code: { enum: [card.declined] } } }'];
  for (let i = 1; i <= 40; i++) levels.push(`  s${i}: &s${i} { allOf: [*s${i - 1}, *s${i - 1}] }`);
  const text = `openapi: 3.1.0\n${levels.join('\n')}\npaths:\n  /p:\n    get:\n      responses:\n        '402':\n          content:\n            application/problem+json:\n              schema: *s40\n`;
  const catalog = parse(readFileSync(`${FIXTURE}/catalog/catalog.yaml`, 'utf8'));
  // 2^40 paths lead to the enum: without the walk's memory this never returns.
  assert.deepEqual([...declaredCodes(docFile('openapi.yaml', text), { resolve: () => undefined }, catalog)], ['GET /p 402 card.declined']);
});

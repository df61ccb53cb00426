// The almyty catalog (examples/almyty/catalog) must carry every fact of the almyty
// Error Codes page. The expectations below are typed from that page, not read from the
// catalog, so a lost or altered fact fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'almyty', 'catalog');

// Loose shapes: this test reads the YAML directly and checks facts, not the schema.
interface Example { title?: string; lang: string; code: string; shape?: string }
interface Field { name: string; type: string; required?: boolean; notes: string }
interface Shape { id: string; code_field?: string; status_field?: string; fields: Field[] }
interface Section { id: string; title: string; place: string; examples?: Example[]; table?: { columns: string[]; rows: string[][] } }
interface Catalog {
  api: string;
  docs_url: string;
  envelope: Shape;
  shapes?: Shape[];
  statuses: Record<string, string>;
  sections?: Section[];
}
interface Code {
  code: string;
  status: number | number[];
  message?: string;
  when: string;
  examples?: Example[];
  headers?: { name: string; description: string }[];
  extensions?: { name: string; type: string; description: string }[];
  notes?: string;
}

const catalog = parse(readFileSync(join(dir, 'catalog.yaml'), 'utf8')) as Catalog;
const codes = new Map<string, Code>(
  readdirSync(join(dir, 'codes'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const c = parse(readFileSync(join(dir, 'codes', f), 'utf8')) as Code;
      return [c.code, c];
    }),
);

function code(name: string): Code {
  const c = codes.get(name);
  assert.ok(c, `code ${name} is missing`);
  return c;
}
const section = (id: string): Section => {
  const s = catalog.sections?.find((x) => x.id === id);
  assert.ok(s, `section ${id} is missing`);
  return s;
};
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const PAGE_CODES: [code: string, status: number, message: string | undefined][] = [
  ['BAD_REQUEST', 400, 'Validation failed: name is required'],
  ['UNAUTHORIZED', 401, 'Invalid or expired token'],
  ['FORBIDDEN', 403, 'Insufficient permissions: requires admin role'],
  ['NOT_FOUND', 404, 'Agent not found'],
  ['CONFLICT', 409, "Gateway with endpoint '/my-tools' already exists"],
  ['VALIDATION_ERROR', 422, 'Pipeline validation failed'],
  ['RATE_LIMITED', 429, 'Rate limit exceeded. Retry after 30 seconds.'],
  ['INTERNAL_ERROR', 500, 'An unexpected error occurred'],
  // The page names no code for 502 and 503; the names are inferred.
  ['BAD_GATEWAY', 502, undefined],
  ['SERVICE_UNAVAILABLE', 503, undefined],
];

test('almyty: catalog identity', () => {
  assert.equal(catalog.api, 'almyty');
  assert.equal(catalog.docs_url, 'https://docs.almyty.com/api-reference/errors');
});

test('almyty: every code keeps its status and example message', () => {
  assert.deepEqual([...codes.keys()].sort(), PAGE_CODES.map(([c]) => c).sort());
  for (const [name, status, message] of PAGE_CODES) {
    const c = code(name);
    assert.equal(c.status, status, `${name} status`);
    assert.ok(catalog.statuses[String(status)], `statuses has a meaning for ${status}`);
    if (message !== undefined) {
      assert.equal(c.message, message, `${name} message`);
      const json = c.examples?.find((e) => e.lang === 'json');
      assert.ok(json, `${name} has a JSON example`);
      const body = JSON.parse(json.code) as Record<string, unknown>;
      assert.deepEqual(
        { success: body.success, message: body.message, error: body.error, statusCode: body.statusCode },
        { success: false, message, error: name, statusCode: status },
      );
    }
  }
  for (const name of ['BAD_GATEWAY', 'SERVICE_UNAVAILABLE']) assert.match(code(name).notes ?? '', /inferred/);
});

test('almyty: status meanings from the page', () => {
  const meanings: Record<string, string> = {
    '400': 'malformed or contains invalid data',
    '401': 'missing or invalid',
    '403': 'does not have permission',
    '404': 'does not exist',
    '409': 'conflicts with the current state',
    '422': 'well-formed but contains semantic errors',
    '429': 'rate limit exceeded',
    '500': 'unexpected error occurred on the server',
    '502': 'temporarily unavailable',
    '503': 'undergoing maintenance or is overloaded',
  };
  for (const [status, phrase] of Object.entries(meanings)) {
    assert.ok(catalog.statuses[status]?.toLowerCase().includes(phrase), `${status}: ${catalog.statuses[status]}`);
  }
});

test('almyty: common causes survive', () => {
  const causes: Record<string, string[]> = {
    BAD_REQUEST: ['Missing required fields', 'Invalid field types', 'Failed schema validation', 'Malformed JSON body'],
    UNAUTHORIZED: ['Authorization', 'Expired JWT token', 'Invalid token format', 'Revoked API key'],
    FORBIDDEN: ['lacks the required permissions', "another organization's resources", 'restricted to organization admins'],
    NOT_FOUND: ['Invalid resource ID', 'deleted', 'Wrong organization context'],
    CONFLICT: ['Duplicate unique fields (name, endpoint, email)', 'Concurrent modification conflicts'],
    VALIDATION_ERROR: ['Pipeline validation failures', 'Invalid schema references', 'Business logic violations'],
  };
  for (const [name, list] of Object.entries(causes)) {
    for (const cause of list) assert.ok(squash(code(name).when).includes(cause), `${name} when: ${cause}`);
  }
});

test('almyty: INTERNAL_ERROR says to contact support with request details and timestamp', () => {
  const c = code('INTERNAL_ERROR') as Code & { recovery: string };
  assert.match(squash(c.recovery), /contact support with the request details and timestamp/);
});

test('almyty: envelope has the four fields with their types', () => {
  const env = catalog.envelope;
  assert.equal(env.id, 'error-response-format');
  assert.equal(env.code_field, 'error');
  assert.equal(env.status_field, 'statusCode');
  assert.deepEqual(
    env.fields.map((f) => [f.name, f.type]),
    [
      ['success', 'boolean'],
      ['message', 'string'],
      ['error', 'string'],
      ['statusCode', 'number'],
    ],
  );
  assert.match(env.fields[0]!.notes, /Always `false`/);
});

test('almyty: the five tool execution errors and their own shape', () => {
  const s = section('tool-execution-errors');
  assert.equal(s.title, 'Tool Execution Errors');
  assert.deepEqual(s.table?.columns, ['Error', 'Description']);
  assert.deepEqual(s.table?.rows, [
    ['Connection refused', 'Target API is unreachable'],
    ['Timeout', 'Execution exceeded the configured timeout'],
    ['Invalid response', 'Target API returned unparseable data'],
    ['Sandbox error', 'JavaScript tool threw an exception'],
    ['LLM error', 'LLM provider returned an error'],
  ]);
  const ex = s.examples?.find((e) => e.lang === 'json');
  assert.ok(ex);
  assert.equal(ex.shape, 'tool-execution');
  assert.deepEqual(JSON.parse(ex.code), {
    success: false,
    error: 'Tool execution failed: Connection refused',
    duration: 5001,
    status: 'error',
  });
  const shape = catalog.shapes?.find((x) => x.id === 'tool-execution');
  assert.ok(shape);
  assert.deepEqual(shape.fields.map((f) => f.name), ['success', 'error', 'duration', 'status']);
});

test('almyty: RATE_LIMITED carries the Retry-After header', () => {
  const h = code('RATE_LIMITED').headers?.find((x) => x.name === 'Retry-After');
  assert.ok(h, 'Retry-After header');
  assert.match(h.description, /when to retry/i);
});

test('almyty: VALIDATION_ERROR carries the errors extension', () => {
  const c = code('VALIDATION_ERROR');
  const ext = c.extensions?.find((e) => e.name === 'errors');
  assert.ok(ext);
  assert.equal(ext.type, 'array');
  for (const item of ['nodeId', 'field', 'message']) assert.ok(ext.description.includes(`\`${item}\``), item);
  const body = JSON.parse(c.examples!.find((e) => e.lang === 'json')!.code) as { errors: unknown };
  assert.deepEqual(body.errors, [{ nodeId: 'llm_1', field: 'providerId', message: 'Provider not found' }]);
});

test('almyty: JavaScript and Python handling samples are present', () => {
  const s = section('handling-errors');
  assert.equal(s.title, 'Handling Errors in Code');
  const js = s.examples?.find((e) => e.lang === 'js');
  const py = s.examples?.find((e) => e.lang === 'python');
  assert.ok(js && py);
  for (const line of [
    'const response = await fetch("https://api.almyty.com/agents", {',
    'headers: { Authorization: `Bearer ${token}` },',
    'console.error(`Error ${error.statusCode}: ${error.message}`);',
    'if (response.status === 401) {',
    '// Redirect to login',
    '} else if (response.status === 429) {',
    'const retryAfter = response.headers.get("Retry-After");',
    '// Wait and retry',
    'console.error("Network error:", networkError);',
  ]) {
    assert.ok(js.code.includes(line), `JS: ${line}`);
  }
  for (const line of [
    'import requests',
    'response = requests.get(',
    '"https://api.almyty.com/agents",',
    'headers={"Authorization": f"Bearer {token}"}',
    'if not response.ok:',
    'error = response.json()',
    `print(f"Error {error['statusCode']}: {error['message']}")`,
  ]) {
    assert.ok(py.code.includes(line), `Python: ${line}`);
  }
});

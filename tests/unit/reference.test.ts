// The reference page survived: every fact of the Amy Errors page
// (/work/shared/reference/amy-errors-page.txt) is asserted here against the catalog in
// the repo's catalog/ directory. The expectations are typed from the reference text, not
// copied from the catalog. Status and category are asserted exactly; text facts are
// searched in all of a code's data, so the test does not care which field holds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const CATALOG_DIR = join(import.meta.dirname, '..', '..', 'catalog');
const DOCS = 'https://docs.amy.health/concepts/errors';

type Data = Record<string, any>;

const catalogText = readFileSync(join(CATALOG_DIR, 'catalog.yaml'), 'utf8');
const catalog: Data = parse(catalogText);
const codeFiles = readdirSync(join(CATALOG_DIR, 'codes'))
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()
  .map((name) => {
    const text = readFileSync(join(CATALOG_DIR, 'codes', name), 'utf8');
    return { name, text, data: parse(text) as Data };
  });
const codes = new Map<string, Data>(codeFiles.map((f) => [f.data.code, f.data]));

/** Every string and number in the data, whitespace collapsed (YAML line wraps don't matter). */
function textOf(data: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return out.join(' \n ').replace(/\s+/g, ' ');
}

function code(name: string): Data {
  const c = codes.get(name);
  assert.ok(c, `catalog has no code ${name}`);
  return c;
}

function statusesOf(c: Data): number[] {
  return Array.isArray(c.status) ? c.status : [c.status];
}

/** Asserts every fact (substring or regex) occurs somewhere in `data`. */
function hasFacts(where: string, data: unknown, facts: (string | RegExp)[]) {
  const text = textOf(data);
  for (const f of facts) {
    if (typeof f === 'string') assert.ok(text.includes(f), `${where}: missing fact ${JSON.stringify(f)}`);
    else assert.ok(f.test(text), `${where}: missing fact ${f}`);
  }
}

const allText = () => textOf([catalog, ...codes.values()]);

// From "Codes by category" (and the turn_events_expired paragraph under turn_not_found).
const EXPECTED: Record<string, { status: number | number[]; category: string }> = {
  missing_authorization: { status: 401, category: 'auth' },
  invalid_token: { status: 401, category: 'auth' },
  forbidden: { status: 403, category: 'auth' },
  invalid_request: { status: 400, category: 'validation' },
  invalid_field: { status: 400, category: 'validation' },
  unprocessable: { status: 422, category: 'validation' },
  turn_not_found: { status: 404, category: 'not_found' },
  turn_events_expired: { status: 404, category: 'not_found' },
  lab_not_found: { status: 404, category: 'not_found' },
  source_not_found: { status: 404, category: 'not_found' },
  memory_not_found: { status: 404, category: 'not_found' },
  already_exists: { status: 409, category: 'conflict' },
  idempotency_key_mismatch: { status: 409, category: 'conflict' },
  rate_limit_exceeded: { status: 429, category: 'rate_limiting' },
  concurrency_limit_exceeded: { status: 429, category: 'rate_limiting' },
  internal_error: { status: 500, category: 'server' },
  upstream_unavailable: { status: [502, 503, 504], category: 'server' },
  webhook_signature_invalid: { status: 401, category: 'webhook' },
};

test('every code on the page is in the catalog, with its status and category', () => {
  assert.deepEqual([...codes.keys()].sort(), Object.keys(EXPECTED).sort());
  for (const [name, want] of Object.entries(EXPECTED)) {
    const c = code(name);
    assert.deepEqual(c.status, want.status, `${name} status`);
    assert.equal(c.category, want.category, `${name} category`);
  }
});

test('code files are named after their code and point editors at the schema', () => {
  for (const f of codeFiles) {
    assert.equal(f.name, `${f.data.code}.yaml`);
    assert.equal(f.text.split('\n')[0], '# yaml-language-server: $schema=../../schema/code.schema.json');
  }
  assert.equal(catalogText.split('\n')[0], '# yaml-language-server: $schema=../schema/catalog.schema.json');
});

test('status code summary: meanings, and which codes carry each status', () => {
  const summary: [number[], string, string[]][] = [
    [[400], 'Client-side validation failure.', ['invalid_request', 'invalid_field']],
    [[401], 'Authentication missing or invalid.', ['missing_authorization', 'invalid_token', 'webhook_signature_invalid']],
    [[403], 'Authenticated but not allowed.', ['forbidden']],
    [[404], "Resource doesn't exist.", ['turn_not_found', 'lab_not_found', 'source_not_found', 'memory_not_found', 'turn_events_expired']],
    [[409], 'Conflict.', ['already_exists', 'idempotency_key_mismatch']],
    [[422], 'Semantic validation failure (body is well-formed but business rules reject it).', ['unprocessable']],
    [[429], 'Rate limited.', ['rate_limit_exceeded', 'concurrency_limit_exceeded']],
    [[500], 'Server bug.', ['internal_error']],
    [[502, 503, 504], 'Upstream provider failure.', ['upstream_unavailable']],
  ];
  for (const [statuses, meaning, list] of summary) {
    for (const s of statuses) {
      assert.equal(catalog.statuses[String(s)], meaning, `meaning of ${s}`);
      const carriers = [...codes.values()].filter((c) => statusesOf(c).includes(s)).map((c) => c.code);
      assert.deepEqual(carriers.sort(), [...list].sort(), `codes with status ${s}`);
    }
  }
});

test('page: title, docs URL, code pattern, intro contract', () => {
  assert.equal(catalog.api, 'Amy');
  assert.equal(catalog.title, 'Errors');
  assert.equal(catalog.docs_url, DOCS);
  for (const c of codes.keys()) assert.match(c, new RegExp(catalog.code_pattern));
  hasFacts('intro', catalog.intro, [/same shape/, /stable code/, /links here|links back/, 'error.code', /never changes|don't change/, /added|additive/, /not break you/]);
});

test('page: the response shape (envelope)', () => {
  const env = catalog.envelope;
  assert.equal(env.code_field, 'error.code');
  assert.equal(env.docs_url_field, 'error.docs_url');
  assert.deepEqual(
    env.fields.map((f: Data) => [f.name, f.type]),
    [
      ['error.code', 'string'],
      ['error.message', 'string'],
      ['error.request_id', 'string'],
      ['error.docs_url', 'string'],
    ],
  );
  hasFacts('envelope', env, [/every endpoint/, /Stable identifier/, /never off `?message/, /copy-edits/, /Don't parse/, 'X-Request-Id', /reporting bugs/, /Deep link/, 'turn.failed', 'https://docs.amy.health/concepts/streaming#turnfailed']);
  const body = JSON.parse(env.example.code);
  assert.deepEqual(body, {
    error: {
      code: 'turn_not_found',
      message: 'No turn exists with id turn_abc123.',
      request_id: 'req_01HX2K3M4N5P6Q7R8S9T0V1W2X',
      docs_url: 'https://docs.amy.health/concepts/errors#turn_not_found',
    },
  });
});

test('page: categories in page order with their titles', () => {
  assert.deepEqual(
    catalog.categories.map((c: Data) => [c.id, c.title]),
    [
      ['auth', 'Auth'],
      ['validation', 'Validation'],
      ['not_found', 'Not found'],
      ['conflict', 'Conflict'],
      ['rate_limiting', 'Rate limiting'],
      ['server', 'Server'],
      ['webhook', 'Webhook'],
    ],
  );
});

test('page: retry guidance table and the SDK paragraph', () => {
  const rg = catalog.retry_guidance;
  const rows = rg.rows.map((r: Data) => [r.label, r.statuses, r.retry]);
  assert.deepEqual(rows, [
    ['Auth', [401, 403], 'No'],
    ['Validation', [400, 422], 'No'],
    ['Not found', [404], 'No'],
    ['Conflict', [409], 'Conditional'],
    ['Rate limit', [429], 'Yes, with backoff'],
    ['Internal', [500], 'Yes, idempotent only'],
    ['Upstream', [502, 503, 504], 'Yes'],
  ]);
  const strategy = (label: string) => rg.rows.find((r: Data) => r.label === label);
  hasFacts('retry Auth', strategy('Auth'), [/Fix the token/, /rate limits/]);
  hasFacts('retry Validation', strategy('Validation'), [/Fix the request/, /same way/]);
  hasFacts('retry Not found', strategy('Not found'), [/doesn't exist/, /after creating it/]);
  hasFacts('retry Conflict', strategy('Conflict'), ['already_exists', /no retry needed/i, 'idempotency_key_mismatch', /24 ?h/, /expire/]);
  hasFacts('retry Rate limit', strategy('Rate limit'), ['Retry-After', /[Ee]xponential backoff with jitter/, /max 5 attempts/]);
  hasFacts('retry Internal', strategy('Internal'), [/Linear backoff/, /1s, 2s, 4s/, 'Idempotency-Key', /duplicate side effects/, 'request_id']);
  hasFacts('retry Upstream', strategy('Upstream'), [/[Ee]xponential backoff with jitter/, /max 5 attempts/, /transient/, /Anthropic 5xx/, /Terra timeout/]);
  hasFacts('retry after', rg.after, [/automatically/, '429', '5xx', /idempotent calls/, 'Idempotency-Key', 'UUID4']);
});

test('page: TypeScript SDK section', () => {
  const s = catalog.sections.find((x: Data) => x.id === 'typescript-sdk');
  assert.ok(s);
  assert.equal(s.place, 'before-codes');
  assert.equal(s.title, 'The TypeScript SDK');
  assert.equal(s.examples[0].lang, 'ts');
  hasFacts('typescript-sdk', s, [/typed errors/, 'error.code', '@amy/sdk', 'amy.turns.retrieve("turn_does_not_exist")', 'errors.NotFoundError', 'err.code', 'err.requestId', 'err.docsUrl', 'https://docs.amy.health/concepts/errors#turn_not_found', 'https://docs.amy.health/sdk/typescript#errors', /full error hierarchy/]);
});

test('page: webhook shape, its body shown once', () => {
  const shape = catalog.shapes.find((x: Data) => x.id === 'webhook');
  assert.ok(shape);
  assert.equal(shape.code_field, undefined, "the webhook shape's error value is not a code");
  assert.deepEqual(shape.fields.map((f: Data) => f.name), ['error', 'reason', 'request_id']);
  hasFacts('webhook shape', shape, ['invalid_signature', /not an error code/, '(#webhook_signature_invalid)']);
  // The body is shown once, with the code it belongs to (as in the reference), not three times.
  const bodies = textOf([catalog, ...codes.values()]).split('"error": "invalid_signature"').length - 1;
  assert.equal(bodies, 1, 'the webhook body example appears once');
  assert.ok(code('webhook_signature_invalid').examples.some((e: Data) => e.shape === 'webhook' && e.lang === 'json'));
});

test('page: where next links the pages the text refers to', () => {
  const titles = catalog.where_next.map((w: Data) => w.title).join('\n');
  for (const t of [/turn\.failed/, /Reconnects and replay/, /TypeScript/, /API reference/, /Response shapes/, /HMAC-SHA256 signing/]) assert.match(titles, t);
  for (const w of catalog.where_next) assert.match(w.href, /^https:\/\/docs\.amy\.health\//);
});

test('auth codes', () => {
  hasFacts('missing_authorization', code('missing_authorization'), [
    /Authorization` header|Authorization header/,
    '/healthz', '/openapi.json', '/llms.txt', '/llms-full.txt', '/webhooks/*', '/v1/auth/cli/start',
    'Bearer amy_live_', /anonymous/, 'Authorization header is required.',
  ]);
  hasFacts('invalid_token', code('invalid_token'), [/unrecognised/, /expired/, /revoked/, 'amy whoami --print-key', /Settings → API keys/, /rotated/, /invalidated immediately/, /don't retry/i, /rate-limit penalties/, '401']);
  hasFacts('forbidden', code('forbidden'), [/scope/, '/admin/*', /another user's resource/, 'x-admin-key', '<AMY_ADMIN_KEY>', /bearer token/, /v1/, /scoped to its owner/]);
});

test('validation codes', () => {
  hasFacts('invalid_request', code('invalid_request'), [/malformed JSON/, /content type/, /top-level schema constraint/, 'messages', 'POST /v1/turns', /role: "user"|role=user/, 'POST /v1/labs', 'file', 'messages must contain at least one entry; last must be role=user.']);
  const field = code('invalid_field');
  const ext = field.extensions.find((e: Data) => e.name === 'error.field');
  assert.ok(ext, 'invalid_field has the error.field extension');
  assert.equal(ext.type, 'string');
  hasFacts('invalid_field', field, [/names the field/, 'category must be one of: goal, insight, preference, history.', 'https://docs.amy.health/api-reference', '/openapi.json']);
  hasFacts('unprocessable', code('unprocessable'), [/business rule/, /10 ?MB/, /Terra provider/, /already connected/, /500/, 'text.length', /names the rule/, /not field-level/, /cross-field or stateful/]);
});

test('not-found codes', () => {
  assert.equal(code('turn_not_found').sdk_class, 'NotFoundError');
  hasFacts('turn_not_found', code('turn_not_found'), ['No turn exists with id turn_abc123.', /different user/, 'turn_', /prefix/, /Two users cannot see each other's turns/, /permanent/, /never expires/, 'request_id', '(#turn_events_expired)', '1 hour', 'completed_at', 'GET /v1/turns/:id/events', /same status/]);
  assert.ok(code('turn_not_found').related.some((r: Data) => r.code === 'turn_events_expired'));
  hasFacts('turn_events_expired', code('turn_events_expired'), ['GET /v1/turns/:id/events', /SSE event buffer/, /1 hour/, 'completed_at', 'https://docs.amy.health/concepts/streaming#reconnects-and-replay']);
  assert.ok(code('turn_events_expired').related.some((r: Data) => r.code === 'turn_not_found'));
  hasFacts('lab_not_found', code('lab_not_found'), ['lab_', /owns the lab/, /eventually consistent/, 'POST /v1/labs', '202', /no race window/]);
  hasFacts('source_not_found', code('source_not_found'), ['src_', 'DELETE /v1/sources/:id', /provider slug/, 'whoop', 'oura', /same row/]);
  hasFacts('memory_not_found', code('memory_not_found'), ['mem_', 'DELETE /v1/memory/:id', /immediate and hard/, /tombstone/, /second call returns 404/, 'throwIfNotFound: false']);
});

test('conflict codes', () => {
  hasFacts('already_exists', code('already_exists'), ['POST /v1/sources/terra/connect', 'POST /v1/auth/cli/approve', /already been approved/, /single-use/, 'POST /v1/auth/cli/start', /delete the existing connection/, '(#idempotency_key_mismatch)', /regardless of idempotency keys/]);
  assert.ok(code('already_exists').related.some((r: Data) => r.code === 'idempotency_key_mismatch'));
  hasFacts('idempotency_key_mismatch', code('idempotency_key_mismatch'), ['Idempotency-Key', /24 hours/, /24h/, /silently overwrite/, /overridden the key explicitly/, /distinct keys/, /byte hash/, 'Key 6e8b…1c was used 12m ago with a different body.']);
  assert.equal(code('idempotency_key_mismatch').retry.when, 'conditional');
  assert.ok(code('idempotency_key_mismatch').related.some((r: Data) => r.code === 'already_exists'));
});

test('rate limiting codes', () => {
  const rl = code('rate_limit_exceeded');
  const quota = textOf(rl.tables);
  assert.match(quota, /Window/);
  assert.match(quota, /Per minute 60 requests/);
  assert.match(quota, /Per day 5,000 requests/);
  hasFacts('rate_limit_exceeded', rl, [/per-minute or per-day/, /subject to change/, /per user, not per token/, /share one bucket/, /5 attempts/, /~50 req\/min/, /headroom/, /token-bucket/]);
  const retryAfter = rl.headers.find((h: Data) => h.name === 'Retry-After');
  assert.ok(retryAfter);
  assert.equal(retryAfter.example, '23');
  assert.ok(rl.related.some((r: Data) => r.code === 'concurrency_limit_exceeded'));

  const cl = code('concurrency_limit_exceeded');
  hasFacts('concurrency_limit_exceeded', cl, [/3 turns in flight/, /queued or running/, /4th/, 'POST /v1/turns', /multi-agent, multi-minute, LLM-charged/, '$50', /single second/, /terminal state/, 'completed', 'failed', /contact the team/, /no `?Retry-After/, /turns finishing/]);
  assert.deepEqual(cl.headers.map((h: Data) => [h.name, h.example]), [['X-Concurrency-Limit', '3'], ['X-Concurrency-In-Flight', '3']]);
  assert.ok(!cl.headers.some((h: Data) => h.name === 'Retry-After'));
  assert.ok(cl.related.some((r: Data) => r.code === 'rate_limit_exceeded'));
});

test('server codes', () => {
  hasFacts('internal_error', code('internal_error'), [/Unhandled exception in the Worker|unhandled exception in the Worker/, /contract violation between layers/, /response shape/, /bugs/, /Retry once/, 'Idempotency-Key', 'request_id', /single line in the backend logs/, /non-revealing/, /stack traces/, /1s, 2s, 4s/, 'An unexpected error occurred. Please include the request_id when reporting.']);
  const up = code('upstream_unavailable');
  const ext = up.extensions.find((e: Data) => e.name === 'error.upstream');
  assert.ok(ext);
  assert.deepEqual(ext.values.map((v: Data) => v.value), ['anthropic', 'terra', 'clerk']);
  hasFacts('upstream anthropic', ext.values[0], [/OpenRouter/, /backend config/, /every LLM call/]);
  hasFacts('upstream terra', ext.values[1], [/OAuth widget URLs/, /sync/, /lab OCR triggering/]);
  hasFacts('upstream clerk', ext.values[2], [/token verification/, /rare/]);
  hasFacts('upstream_unavailable', up, [/third-party dependency/, /timed out/, /exponential backoff/i, /5-60 seconds/, /5 attempts/, 'status.anthropic.com', 'turn.failed', /new turn/, /resume-from-step-N/, 'Anthropic API timed out after 3 retries.']);
});

test('webhook code', () => {
  const w = code('webhook_signature_invalid');
  const ext = w.extensions.find((e: Data) => e.name === 'reason');
  assert.ok(ext);
  assert.deepEqual(ext.values.map((v: Data) => v.value), ['missing_header', 'malformed_header', 'bad_timestamp', 'stale', 'signature_mismatch']);
  const meaning = (v: string) => ext.values.find((x: Data) => x.value === v);
  hasFacts('missing_header', meaning('missing_header'), ['terra-signature']);
  hasFacts('malformed_header', meaning('malformed_header'), ['t=…,v1=…']);
  hasFacts('bad_timestamp', meaning('bad_timestamp'), [/valid integer/]);
  hasFacts('stale', meaning('stale'), ['|now - t| > 300s']);
  hasFacts('signature_mismatch', meaning('signature_mismatch'), [/HMAC/, 'v1']);
  hasFacts('webhook_signature_invalid', w, [/only Terra/, /HMAC verification/, /logged/, /replay testing/, /slim webhook error shape/, 'https://docs.amy.health/concepts/webhooks#response-shapes', 'https://docs.amy.health/concepts/webhooks#hmac-sha256-signing', /diagnosis matrix/, 'TERRA_WEBHOOK_SECRET', /[Cc]lock skew/, /5-minute/, /300/, 'curl -d', '--data-binary']);
  const ex = w.examples.find((e: Data) => e.shape === 'webhook');
  assert.ok(ex);
  assert.deepEqual(Object.keys(JSON.parse(ex.code)), ['error', 'reason', 'request_id']);
  assert.equal(JSON.parse(ex.code).error, 'invalid_signature');
});

test('every example body is complete JSON with the right code, docs URL and status', () => {
  for (const c of codes.values()) {
    for (const ex of c.examples ?? []) {
      let body: string | undefined = ex.code;
      if (ex.lang === 'http') {
        const m = /^HTTP\/1\.1 (\d{3}) /.exec(ex.code);
        assert.ok(m, `${c.code}: http example starts with a status line`);
        assert.ok(statusesOf(c).includes(Number(m[1])), `${c.code}: http example status ${m[1]}`);
        const i = ex.code.indexOf('\n\n');
        body = i < 0 ? undefined : ex.code.slice(i + 2);
      } else if (ex.lang !== 'json') continue;
      if (body === undefined) continue;
      const json = JSON.parse(body);
      if (ex.shape) continue;
      assert.equal(json.error.code, c.code);
      assert.equal(json.error.docs_url, `${DOCS}#${c.code}`);
      assert.match(json.error.request_id, /^req_/);
      assert.equal(typeof json.error.message, 'string');
    }
  }
});

test('the whole catalog keeps the cross-cutting numbers', () => {
  hasFacts('catalog', allText(), [/5,000/, /\b60\b/, /3 turns/, /24 ?h/, /10 ?MB/, /500 characters/, /300 ?s/, /5-minute/, /1 hour/, /max 5 attempts|up to 5 attempts/, /1s, 2s, 4s/, /~50 req\/min/, '$50', 'X-Request-Id', 'Retry-After', 'X-Concurrency-Limit', 'X-Concurrency-In-Flight', DOCS]);
});

test('retry advice is structured and matches the reference table', () => {
  const r = (name: string) => code(name).retry;
  // "Internal (500): Yes, idempotent only. Linear backoff (1s, 2s, 4s)."
  assert.equal(r('internal_error').when, 'idempotent-only');
  assert.equal(r('internal_error').strategy, 'linear-backoff');
  // "Rate limit (429): Yes, with backoff. Honour Retry-After. Exponential backoff with jitter, max 5 attempts."
  const rl = r('rate_limit_exceeded');
  assert.deepEqual([rl.when, rl.strategy, rl.jitter, rl.max_attempts, rl.honour_retry_after], ['always', 'exponential-backoff', true, 5, true]);
  const up = r('upstream_unavailable');
  assert.deepEqual([up.when, up.strategy, up.jitter, up.max_attempts], ['always', 'exponential-backoff', true, 5]);
  // Auth, validation, not found: no. Conflict: conditional (already_exists needs no retry).
  for (const c of codes.values()) {
    if (['auth', 'validation', 'not_found'].includes(c.category)) assert.equal(c.retry.when, 'never', c.code);
  }
  assert.equal(r('already_exists').when, 'never');
  assert.equal(r('idempotency_key_mismatch').when, 'conditional');
  for (const c of codes.values()) assert.ok(['always', 'never', 'idempotent-only', 'conditional'].includes(c.retry.when), c.code);
});

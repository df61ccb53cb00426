// Building blocks of the rules' examples: a small valid code of the base fixture
// (tests/fixtures/mini), written out as YAML with some fields changed.

const BASE: Record<string, string> = {
  code: 'thing_gone',
  status: '404',
  category: 'not_found',
  summary: 'The thing was deleted.',
  when: 'Someone deleted it.',
  recovery: 'Create a new thing.',
  retry: '{ when: never }',
};

/** YAML of a code file: the base fields with `fields` changed (null drops one), then `more` lines. */
export function codeYaml(fields: Record<string, string | null> = {}, more = ''): string {
  const merged: Record<string, string | null> = { ...BASE, ...fields };
  const lines = Object.entries(merged)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `${lines.join('\n')}\n${more}`;
}

/** The file of a code named `code` (the base code unless given). */
export function codeFile(fields: Record<string, string | null> = {}, more = ''): Record<string, string> {
  return { [`codes/${fields.code ?? BASE.code}.yaml`]: codeYaml(fields, more) };
}

const CATEGORIES = '  - { id: not_found, title: Not found }\n  - { id: limits, title: Limits }\n';
const SHAPES = `shapes:
  - id: slim
    title: The slim shape
    fields: [{ name: error, type: string, notes: A short word. }]
`;

/** A short catalog.yaml for the base fixture's codes, with other `categories`, `shapes` or `more` keys. */
export function catalogYaml(categories = CATEGORIES, more = '', shapes = SHAPES): string {
  return `api: Mini
title: Errors
description: Errors of the Mini API.
docs_url: https://docs.mini.test/errors
code_pattern: '^[a-z][a-z0-9_]*$'
intro: Every error has a stable code.
envelope:
  id: response-shape
  title: The response shape
  code_field: error.code
  fields:
    - { name: error.code, type: string, notes: Stable identifier. }
    - { name: error.message, type: string, notes: Human-readable. }
    - { name: error.docs_url, type: string, notes: Link to the code's heading. }
${shapes}categories:
${categories}statuses:
  "404": Resource doesn't exist.
  "429": Rate limited.
${more}`;
}

/** An `examples:` block with one JSON body (following `shape`, if given). */
export function jsonExample(body: string, shape?: string): string {
  return `examples:\n  - lang: json\n${shape ? `    shape: ${shape}\n` : ''}    code: |\n      ${body}\n`;
}

/** A JSON body of the base envelope showing `code`. */
export function envelopeBody(code = BASE.code!): string {
  return `{ "error": { "code": "${code}", "message": "Gone.", "docs_url": "https://docs.mini.test/errors#${code}" } }`;
}

/** shipped.yaml listing the base fixture's two codes, changed or extended by `entries`. */
export function lockFile(entries: Record<string, string | null> = {}): Record<string, string> {
  const all: Record<string, string | null> = {
    rate_limited: '{ status: [429], category: limits }',
    thing_not_found: '{ status: [404], category: not_found }',
    ...entries,
  };
  const lines = Object.keys(all)
    .sort()
    .filter((k) => all[k] !== null)
    .map((k) => `${k}: ${all[k]}`);
  return { 'shipped.yaml': `# Codes that have shipped, written by \`npm run catalog:ship\`. Do not edit by hand.\n${lines.join('\n')}\n` };
}

/** The problem+json (RFC 9457) fixture catalog the problem-* rules' examples start from. */
export const PROBLEM_FIXTURE = { dir: 'tests/fixtures/api', catalog: 'catalog' };

/** A code file of the problem+json fixture showing one body (an `http` example when `contentType` is given). */
export function problemCodeFile(body: Record<string, unknown>, { title = 'Invalid quantity', contentType = '' } = {}): Record<string, string> {
  const json = JSON.stringify({ type: 'https://docs.orders.test/problems/invalid_quantity', title: 'Invalid quantity', status: 422, code: 'invalid_quantity', ...body });
  const example = contentType
    ? `  - lang: http\n    code: |\n      HTTP/1.1 422 Unprocessable Content\n      Content-Type: ${contentType}\n\n      ${json}\n`
    : `  - lang: json\n    code: |\n      ${json}\n`;
  return {
    'codes/invalid_quantity.yaml': `code: invalid_quantity
status: 422
category: orders
${title ? `title: ${title}\n` : ''}summary: The quantity is zero, negative or too large.
when: A line of the order has a quantity below 1 or above 100.
recovery: Send a quantity between 1 and 100.
retry: { when: never }
examples:
${example}`,
  };
}

/** catalog.yaml of the base fixture naming an OpenAPI document, and that document (`responses` under GET /things/{id}). */
export function withOpenapi(responses: string, { path = 'openapi.yaml', info = "info: { title: Mini, version: '1' }\n" } = {}): Record<string, string> {
  return {
    'catalog.yaml': catalogYaml(undefined, `openapi: ${path}\n`),
    'openapi.yaml': `openapi: 3.1.0
${info}paths:
  /things/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
${responses}`,
  };
}

/** A response of the OpenAPI document whose example shows `code` (a 429 declares Retry-After unless `headers` says otherwise). */
export function openapiResponse(status: number | 'default', code: string, { headers = status === 429 ? ['Retry-After'] : [], more = '' } = {}): string {
  const declared = headers.length ? `          headers:\n${headers.map((h) => `            ${h}: { schema: { type: integer } }\n`).join('')}` : '';
  return `        '${status}':
          description: Error ${status}
${declared}${more}          content:
            application/json:
              example: { error: { code: ${code} } }
`;
}

/** catalog.yaml of the base fixture scanning server.ts for `new ApiError("<code>")`, and that file. */
export function withSources(codes: string[], pattern = 'ApiError\\(.([a-z_]+)'): Record<string, string> {
  return {
    'catalog.yaml': catalogYaml(undefined, `sources:\n  - include: ['server.ts']\n    pattern: ${pattern}\n`),
    'server.ts': codes.map((c) => `throw new ApiError("${c}");\n`).join(''),
  };
}

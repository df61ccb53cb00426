// A large OpenAPI document shaped like GitHub's published description: resources with
// list/get/create/update/delete operations under several owners, shared parameters,
// schemas, examples and error responses reached by $ref, an `errors[].code` validation
// error, long Markdown descriptions and x- metadata. About 10 KB per operation, pretty
// printed with two spaces as GitHub publishes it: 1,300 operations are about 13 MB.
const WORDS = 'the repository organization pull request review comment workflow run artifact secret variable team member permission branch protection rule deployment environment status check suite label milestone release asset webhook delivery'.split(' ');

function prose(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13 + (i >> 3)) % WORDS.length]!);
  return `${out.join(' ')}. For more information, see "[About ${WORDS[seed % WORDS.length]}s](https://docs.example.test/${WORDS[seed % WORDS.length]}s#about)."`;
}

const ERROR_CODES = ['missing', 'missing_field', 'invalid', 'already_exists', 'unprocessable', 'custom'];

function resourceSchema(r: number) {
  const properties: Record<string, unknown> = {
    id: { type: 'integer', format: 'int64', example: 42 },
    node_id: { type: 'string', example: 'MDQ6VXNlcjE=' },
    url: { type: 'string', format: 'uri', example: `https://api.example.test/res-${r}/1` },
    html_url: { type: 'string', format: 'uri' },
    name: { type: 'string', description: prose(r, 12) },
    state: { type: 'string', enum: ['open', 'closed', 'archived'], description: prose(r + 1, 10) },
    owner: { $ref: '#/components/schemas/simple-user' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    visibility: { type: 'string', enum: ['public', 'private', 'internal'] },
    permissions: { type: 'object', properties: { admin: { type: 'boolean' }, push: { type: 'boolean' }, pull: { type: 'boolean' } } },
    labels: { type: 'array', items: { $ref: '#/components/schemas/label' } },
  };
  for (let i = 0; i < 60; i++) properties[`${WORDS[(r + i) % WORDS.length]}_${i}`] = { type: i % 3 ? 'string' : 'integer', nullable: i % 4 === 0, description: prose(r + i, 14) };
  return { title: `Resource ${r}`, description: prose(r, 20), type: 'object', properties, required: ['id', 'node_id', 'url', 'name'] };
}

function resourceExample(r: number) {
  const value: Record<string, unknown> = { id: 1, node_id: 'MDQ6VXNlcjE=', url: `https://api.example.test/res-${r}/1`, html_url: `https://example.test/res-${r}/1`, name: `resource-${r}`, state: 'open',
    owner: { login: 'octocat', id: 1, avatar_url: 'https://example.test/images/octocat.gif', type: 'User', site_admin: false },
    created_at: '2011-01-26T19:01:12Z', updated_at: '2011-01-26T19:14:43Z', visibility: 'public', permissions: { admin: false, push: false, pull: true },
    labels: [{ id: 208045946, name: 'bug', color: 'f29513', default: true }] };
  for (let i = 0; i < 60; i++) value[`${WORDS[(r + i) % WORDS.length]}_${i}`] = i % 3 ? `${WORDS[i % WORDS.length]}-value` : i;
  return { value };
}

function operation(r: number, owner: string, method: string, op: number) {
  const one = method !== 'get' || op % 2 === 1;
  const responses: Record<string, unknown> = {};
  if (method === 'delete') responses['204'] = { description: 'Response' };
  else {
    responses[method === 'post' ? '201' : '200'] = {
      description: 'Response',
      content: { 'application/json': {
        schema: one ? { $ref: `#/components/schemas/resource-${r}` } : { type: 'array', items: { $ref: `#/components/schemas/resource-${r}` } },
        examples: { default: { $ref: `#/components/examples/resource-${r}${one ? '' : '-items'}` } },
      } },
      ...(one ? {} : { headers: { Link: { $ref: '#/components/headers/link' } } }),
    };
  }
  // One operation in nine declares no error response, as a few of GitHub's do.
  if (op % 9 !== 0) {
    responses['304'] = { $ref: '#/components/responses/not_modified' };
    responses['403'] = { $ref: '#/components/responses/forbidden' };
    responses['404'] = { $ref: '#/components/responses/not_found' };
    if (method === 'post' || method === 'patch') responses['422'] = { $ref: '#/components/responses/validation_failed' };
  }
  const body = method === 'post' || method === 'patch' ? {
    requestBody: { required: true, content: { 'application/json': {
      schema: { type: 'object', properties: Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [`${WORDS[(r + i) % WORDS.length]}_${i}`, { type: 'string', description: prose(r + i + op, 14) }])), required: [`${WORDS[r % WORDS.length]}_0`] },
      examples: { default: { value: { [`${WORDS[r % WORDS.length]}_0`]: 'value', [`${WORDS[(r + 1) % WORDS.length]}_1`]: 'other' } } },
    } } },
  } : {};
  return {
    summary: `${method === 'get' ? (one ? 'Get' : 'List') : method === 'post' ? 'Create' : method === 'patch' ? 'Update' : 'Delete'} a resource ${r} for ${owner}`,
    description: `${prose(r * 5 + op, 220)}\n\n${prose(op, 120)}\n\nOAuth app tokens and personal access tokens (classic) need the \`repo\` scope to use this endpoint.`,
    tags: [`res-${r % 40}`],
    operationId: `res-${r}/${method}-${owner}-${op}`,
    externalDocs: { description: 'API method documentation', url: `https://docs.example.test/rest/res-${r}#${method}-${op}` },
    parameters: [
      ...(owner === 'repo' ? [{ $ref: '#/components/parameters/owner' }, { $ref: '#/components/parameters/repo' }] : [{ $ref: '#/components/parameters/org' }]),
      ...(one ? [{ name: 'resource_id', in: 'path', required: true, description: prose(op, 10), schema: { type: 'integer' } }] : [{ $ref: '#/components/parameters/per-page' }, { $ref: '#/components/parameters/page' }]),
    ],
    ...body,
    responses,
    'x-github': { githubCloudOnly: false, enabledForGitHubApps: true, category: `res-${r % 40}`, subcategory: `res-${r}` },
  };
}

/** The document's JSON text, with at least `operations` operations. */
export function generateOpenapi(operations: number): string {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {
    'simple-user': { title: 'Simple User', type: 'object', properties: Object.fromEntries(['login', 'node_id', 'avatar_url', 'url', 'html_url', 'type'].map((p) => [p, { type: 'string' }])), required: ['login'] },
    label: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, color: { type: 'string' }, default: { type: 'boolean' } } },
    'basic-error': { title: 'Basic Error', type: 'object', properties: { message: { type: 'string' }, documentation_url: { type: 'string' }, url: { type: 'string' }, status: { type: 'string' } } },
    'validation-error': { title: 'Validation Error', type: 'object', required: ['message', 'documentation_url'], properties: {
      message: { type: 'string' }, documentation_url: { type: 'string' },
      errors: { type: 'array', items: { type: 'object', required: ['code'], properties: { resource: { type: 'string' }, field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string', enum: ERROR_CODES }, index: { type: 'integer' } } } },
    } },
  };
  const examples: Record<string, unknown> = {};
  let op = 0;
  for (let r = 0; op < operations; r++) {
    schemas[`resource-${r}`] = resourceSchema(r);
    examples[`resource-${r}`] = resourceExample(r);
    examples[`resource-${r}-items`] = { value: [resourceExample(r).value, resourceExample(r + 1).value] };
    for (const owner of ['repo', 'org']) {
      const base = owner === 'repo' ? `/repos/{owner}/{repo}/res-${r}` : `/orgs/{org}/res-${r}`;
      paths[base] = { get: operation(r, owner, 'get', op++), post: operation(r, owner, 'post', op++) };
      paths[`${base}/{resource_id}`] = { get: operation(r, owner, 'get', op++), patch: operation(r, owner, 'patch', op++), delete: operation(r, owner, 'delete', op++) };
    }
  }
  const error = (description: string, schema: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
  const doc = {
    openapi: '3.0.3',
    info: { version: '1.1.4', title: 'Example v3 REST API', description: 'A generated API shaped like GitHub\'s REST API description.', license: { name: 'MIT', url: 'https://spdx.org/licenses/MIT' } },
    servers: [{ url: 'https://api.example.test' }],
    paths,
    components: {
      parameters: {
        owner: { name: 'owner', in: 'path', required: true, description: prose(0, 20), schema: { type: 'string' } },
        repo: { name: 'repo', in: 'path', required: true, description: prose(1, 20), schema: { type: 'string' } },
        org: { name: 'org', in: 'path', required: true, description: prose(2, 20), schema: { type: 'string' } },
        'per-page': { name: 'per_page', in: 'query', description: prose(3, 20), schema: { type: 'integer', default: 30 } },
        page: { name: 'page', in: 'query', description: prose(4, 20), schema: { type: 'integer', default: 1 } },
      },
      schemas,
      examples,
      responses: {
        not_found: error('Resource not found', 'basic-error'),
        forbidden: error('Forbidden', 'basic-error'),
        not_modified: { description: 'Not modified' },
        validation_failed: {
          description: 'Validation failed, or the endpoint has been spammed.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/validation-error' },
            examples: { default: { value: { message: 'Validation Failed', documentation_url: 'https://docs.example.test/rest', errors: [{ resource: 'Label', field: 'name', code: 'already_exists' }] } } } } },
        },
      },
      headers: { link: { example: '<https://api.example.test/resource?page=2>; rel="next"', schema: { type: 'string' } } },
    },
  };
  return JSON.stringify(doc, null, 2);
}

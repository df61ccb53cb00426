import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-file',
  severity: 'error',
  description: 'The OpenAPI document named by `openapi` in catalog.yaml (or --openapi) is missing, outside the repository, or cannot be read.',
  why: 'The check compares the catalog with the API\'s own description; a document it cannot read compares nothing.',
  fix: 'Point `openapi` (relative to the catalog) or --openapi at the API\'s OpenAPI document, inside the repository.',
  fail: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited'), { path: 'missing.yaml' }) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi.ts (OpenAPI in)',
  check: passOn('openapi-file'),
});

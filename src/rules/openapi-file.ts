import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-file',
  severity: 'error',
  scope: 'catalog',
  description: 'The OpenAPI document named by `openapi` in catalog.yaml (or --openapi) is missing, outside the repository, or cannot be read: past 10 MB, 1,000 levels of nesting or 500,000 values in one file, or 60 s and 512 MB to read it (README "Limits and safety").',
  why: 'The check compares the catalog with the API\'s own description; a document it cannot read compares nothing.',
  fix: 'Point `openapi` (relative to the catalog) or --openapi at the API\'s OpenAPI document, inside the repository; split a document past a bound into files joined by $ref.',
  fail: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited'), { path: 'missing.yaml' }) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi.ts (OpenAPI in)',
  check: passOn('openapi-file'),
});

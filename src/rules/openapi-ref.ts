import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-ref',
  severity: 'error',
  scope: 'catalog',
  description: 'A `$ref` of the OpenAPI document does not resolve (missing, outside the repository, a URL, or a cycle).',
  why: 'A response reached through a broken $ref cannot be compared with the catalog, and tools fail on it too.',
  fix: 'Point the $ref at a file and JSON pointer inside the repository.',
  fail: { files: withOpenapi("        '404':\n          $ref: './missing.yaml#/NotFound'\n" + openapiResponse(429, 'rate_limited')) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi.ts (OpenAPI in)',
  check: passOn('openapi-ref'),
});

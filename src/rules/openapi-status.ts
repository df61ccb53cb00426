import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-status',
  severity: 'error',
  scope: 'catalog',
  description: 'A response of the OpenAPI document shows a code under a status the catalog does not return it with.',
  why: 'The document and the catalog must tell clients the same status for a code.',
  fix: 'Move the example to the response of the code\'s status, or fix the status in the catalog (not for shipped codes).',
  fail: { files: withOpenapi(openapiResponse(404, 'rate_limited') + openapiResponse(429, 'thing_not_found')) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi.ts (OpenAPI in)',
  check: passOn('openapi-status'),
});

import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-coverage',
  severity: 'warning',
  scope: 'catalog',
  description: 'The OpenAPI document never gives a code its status (it is only under `default`, or only in a shared enum), or an operation declares no error response at all.',
  why: 'A client reading the document cannot tell which status brings the code, or that the operation can fail.',
  fix: "Declare the code under its status with an example; declare each operation's error responses.",
  fail: { files: withOpenapi(openapiResponse('default', 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi-compare.ts (OpenAPI in)',
  check: passOn('openapi-coverage'),
});

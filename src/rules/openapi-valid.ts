import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-valid',
  severity: 'warning',
  scope: 'catalog',
  description: 'The OpenAPI document does not parse (error) or is not valid OpenAPI (warning).',
  why: 'Tools generate clients from the document; what a validator rejects, they may read differently from the check.',
  fix: 'Fix the document at the reported position (run it through an OpenAPI validator).',
  fail: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited'), { info: '' }) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi.ts (OpenAPI in)',
  check: passOn('openapi-valid'),
});

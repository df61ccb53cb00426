import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-undeclared',
  severity: 'warning',
  scope: 'catalog',
  description: 'A code of the catalog appears in no response of the OpenAPI document (retired codes, and codes whose shape has no code field to name them, excepted).',
  why: 'A code that no operation declares is either dead or undocumented in the API\'s description.',
  fix: 'Add an example with the code to the responses that return it, or retire the code.',
  fail: { files: withOpenapi(openapiResponse(404, 'thing_not_found')) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi.ts (OpenAPI in)',
  check: passOn('openapi-undeclared'),
});

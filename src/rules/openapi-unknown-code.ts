import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-unknown-code',
  severity: 'error',
  scope: 'catalog',
  description: 'An example or a code enum of the OpenAPI document shows a code the catalog does not have.',
  why: 'Clients read codes from the API\'s document; each must have its page, or their docs_url leads nowhere.',
  fix: 'Add the code to the catalog, or fix the typo in the document (see the hint).',
  fail: { files: withOpenapi(openapiResponse(404, 'thing_lost') + openapiResponse(429, 'rate_limited')) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi.ts (OpenAPI in)',
  check: passOn('openapi-unknown-code'),
});

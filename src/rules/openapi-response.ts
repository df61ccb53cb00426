import { openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'openapi-response',
  severity: 'error',
  scope: 'catalog',
  description: 'A response of the OpenAPI document contradicts what the catalog states about a code it shows: its media type, a problem member (type, title, status, docs URL) or a header its retry advice relies on.',
  why: 'Clients and generated SDKs read the document: a wrong media type, type URI or missing Retry-After breaks them although the catalog is right.',
  fix: 'Make the response say what the catalog says (or fix the catalog, if the document is right).',
  fail: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited', { headers: [] })) },
  pass: { files: withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited')) },
  firesIn: 'src/bridges/openapi-compare.ts (OpenAPI in)',
  check: passOn('openapi-response'),
});

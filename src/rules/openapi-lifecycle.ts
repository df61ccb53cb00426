import { codeFile, envelopeBody, jsonExample, openapiResponse, withOpenapi } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

const both = withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited'));
const gone = (more = '') => withOpenapi(openapiResponse(404, 'thing_not_found') + openapiResponse(429, 'rate_limited') + openapiResponse(404, 'thing_gone', { more }).replace("'404'", "'410'"));
const deprecated = codeFile({ status: '410' }, `lifecycle: { state: deprecated, since: v2, replacement: thing_not_found }\n${jsonExample(envelopeBody())}`);

export default defineRule({
  id: 'openapi-lifecycle',
  severity: 'warning',
  scope: 'catalog',
  description: 'The OpenAPI document offers a deprecated code without marking it deprecated (warning), or still shows a retired code as returned (error).',
  why: 'Readers of the document (and generated SDKs) must learn that a code is going away, and must not expect one that is gone.',
  fix: 'Mark the operation or schema `deprecated: true` (or the response or example `x-deprecated: true`); remove retired codes from responses.',
  fail: { files: { ...gone(), ...deprecated, 'catalog.yaml': both['catalog.yaml']!.replace('"429"', '"410": Gone.\n  "429"') } },
  pass: { files: { ...gone('          x-deprecated: true\n'), ...deprecated, 'catalog.yaml': both['catalog.yaml']!.replace('"429"', '"410": Gone.\n  "429"') } },
  firesIn: 'src/bridges/openapi-compare.ts (OpenAPI in)',
  check: passOn('openapi-lifecycle'),
});

import { problemShapeProblems } from '../model/envelope.ts';
import { locate, type DataPath } from '../load/load.ts';
import { catalogYaml } from './example-files.ts';
import { defineRule } from './rule.ts';

const slimShape = (mediaType: string) => `shapes:
  - id: slim
    title: The slim shape
    media_type: ${mediaType}
    fields: [{ name: error, type: string, notes: A short word. }]
`;

export default defineRule({
  id: 'problem-envelope',
  severity: 'error',
  scope: 'file',
  description: 'A shape declared application/problem+json lacks the `type`, `title` or `status` field, or nests its code field.',
  why: 'RFC 9457 bodies carry `type`, `title` and `status` at the top level; a shape without them is not problem details.',
  fix: 'Declare `type` (string), `title` (string) and `status` (integer) fields and keep `code_field` at the top level, or drop the media type.',
  fail: { files: { 'catalog.yaml': catalogYaml(undefined, '', slimShape('application/problem+json')) } },
  pass: { files: { 'catalog.yaml': catalogYaml(undefined, '', slimShape('application/json')) } },
  check(ctx, report) {
    const { catalog, catalogFile } = ctx;
    if (!catalog || !catalogFile) return;
    for (const [i, shape] of [catalog.envelope, ...(catalog.shapes ?? [])].entries()) {
      const at: DataPath = i === 0 ? ['envelope'] : ['shapes', i - 1];
      for (const message of problemShapeProblems(shape)) {
        report(catalogFile, locate(catalogFile, [...at, 'media_type']), message,
          'RFC 9457 bodies carry `type` (string), `title` (string) and `status` (integer) at the top level, and the code as a top-level extension member');
      }
    }
  },
});

import { PROBLEM_FIXTURE, problemCodeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'problem-extension-name',
  severity: 'warning',
  scope: 'file',
  description: 'A problem details (RFC 9457) example, in the catalog or the OpenAPI document, has an extension member whose name is not letters, digits and underscores, at least three characters.',
  why: 'RFC 9457 recommends such names so every client language can map the member to a field.',
  fix: 'Rename the member, e.g. `retry-in` to `retry_in`.',
  fail: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ 'x-qty': 3 }) },
  pass: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ detail: 'Quantity 0.' }) },
  firesIn: 'src/model/examples.ts, src/bridges/openapi-compare.ts',
  check: (ctx, report) => {
    reportFindings(ctx, 'problem-extension-name', report);
    passOn('problem-extension-name')(ctx);
  },
});

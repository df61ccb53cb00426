import { PROBLEM_FIXTURE, problemCodeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'problem-status',
  severity: 'error',
  scope: 'file',
  description: 'A problem details (RFC 9457) example shows a `status` member the code is not returned with.',
  why: 'The `status` member repeats the HTTP status; an example that disagrees with it teaches the wrong one.',
  fix: "Use one of the code's statuses in `status`.",
  fail: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ status: 400 }) },
  pass: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ status: 422 }) },
  firesIn: 'src/model/examples.ts',
  check: (ctx, report) => reportFindings(ctx, 'problem-status', report),
});

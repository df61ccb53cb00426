import { PROBLEM_FIXTURE, problemCodeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'problem-type',
  severity: 'error',
  scope: 'file',
  description: "A problem details (RFC 9457) example shows another `type` than its code's type URI.",
  why: 'Clients dispatch on the problem `type`; the example must show the URI the code really carries.',
  fix: "Set `type` to the code's type URI: the envelope's `type_uri` with `{code}` replaced, or the code's docs_url.",
  fail: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ type: 'https://docs.orders.test/problems/bad_quantity' }) },
  pass: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({}) },
  firesIn: 'src/model/examples.ts',
  check: (ctx, report) => reportFindings(ctx, 'problem-type', report),
});

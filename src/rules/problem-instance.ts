import { PROBLEM_FIXTURE, problemCodeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'problem-instance',
  severity: 'error',
  scope: 'file',
  description: 'A problem details (RFC 9457) example, in the catalog or the OpenAPI document, shows an `instance` that is not a URI reference.',
  why: 'RFC 9457 makes `instance` a URI reference; clients resolve it against the request URI.',
  fix: 'Write `instance` as a relative or absolute URI (e.g. `/orders/ord_42`, `urn:uuid:...`), percent-encoding spaces and such characters.',
  fail: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ instance: 'order 42' }) },
  pass: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ instance: '/orders/ord_42' }) },
  firesIn: 'src/model/examples.ts, src/bridges/openapi-compare.ts',
  check: (ctx, report) => {
    reportFindings(ctx, 'problem-instance', report);
    passOn('problem-instance')(ctx);
  },
});

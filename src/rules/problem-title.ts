import { isProblem, shapeOfCode } from '../model/envelope.ts';
import { locate } from '../load/load.ts';
import { PROBLEM_FIXTURE, problemCodeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'problem-title',
  severity: 'error',
  scope: 'file',
  description: 'A code whose bodies are problem details (RFC 9457) has no `title`, or an example shows another title.',
  why: "A problem type's title never changes between occurrences; clients may show it, and the specifics belong in `detail`.",
  fix: 'Give the code a `title:` and show exactly it in examples; put what happened this time in `detail`.',
  fail: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ title: 'Quantity 0 is invalid' }) },
  pass: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({ detail: 'Quantity 0 is invalid.' }) },
  firesIn: 'here (a missing title) and src/model/examples.ts (titles in examples)',
  check(ctx, report) {
    reportFindings(ctx, 'problem-title', report);
    if (!ctx.catalog) return;
    for (const { data, file } of ctx.codes) {
      if (isProblem(shapeOfCode(data, ctx.catalog)) && data.title === undefined) {
        report(file, locate(file, ['summary'], 'key'), `"${data.code}" has no title, which every problem details body carries`,
          'add `title:`: a short summary of the problem type that never changes between occurrences (RFC 9457)');
      }
    }
  },
});

import { PROBLEM_FIXTURE, problemCodeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'problem-media-type',
  severity: 'error',
  scope: 'file',
  description: "An HTTP example's Content-Type is not the media type of its shape (e.g. application/problem+json).",
  why: 'Clients pick their parser by Content-Type; the example must show the one the API sends.',
  fix: "Answer with the shape's media type, e.g. `Content-Type: application/problem+json`.",
  fail: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({}, { contentType: 'application/json' }) },
  pass: { fixture: PROBLEM_FIXTURE, files: problemCodeFile({}, { contentType: 'application/problem+json' }) },
  firesIn: 'src/model/examples.ts',
  check: (ctx, report) => reportFindings(ctx, 'problem-media-type', report),
});

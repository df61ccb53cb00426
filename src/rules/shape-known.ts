import { codeFile, jsonExample } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'shape-known',
  severity: 'error',
  scope: 'file',
  description: 'An example names a `shape` that catalog.yaml does not declare.',
  why: 'The example is checked against its shape and the page shows which shape it follows; an unknown one checks nothing.',
  fix: 'Use a shape declared under `shapes` in catalog.yaml (see the hint), or declare it.',
  fail: { files: codeFile({}, jsonExample('{ "error": "gone" }', 'slimm')) },
  pass: { files: codeFile({}, jsonExample('{ "error": "gone" }', 'slim')) },
  firesIn: 'src/rules/shared/examples.ts (the one pass over all examples)',
  check: (ctx, report) => reportFindings(ctx, 'unknown-shape', report),
});

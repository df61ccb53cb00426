import { codeFile, envelopeBody, jsonExample } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'example-code-match',
  severity: 'error',
  scope: 'file',
  description: "An example shows another code or docs_url than the one it documents (or, on the page, a code that doesn't exist).",
  why: 'Readers match what they see in a response to the example; a copied example that shows the wrong code confuses exactly them.',
  fix: "Set the body's code and docs_url fields to this code's.",
  fail: { files: codeFile({}, jsonExample(envelopeBody('thing_not_found'))) },
  pass: { files: codeFile({}, jsonExample(envelopeBody())) },
  firesIn: 'src/model/examples.ts',
  check: (ctx, report) => reportFindings(ctx, 'code-match', report),
});

import { codeFile, envelopeBody, jsonExample } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'example-json',
  severity: 'error',
  scope: 'file',
  description: 'A JSON example (or the body of an HTTP example) is not valid JSON.',
  why: 'Examples are what developers copy; a body with `...`, comments or trailing commas does not parse in their code.',
  fix: 'Write the complete body: no `...` placeholders, no comments, no trailing commas.',
  fail: { files: codeFile({}, jsonExample('{ "error": { "code": "thing_gone", ... } }')) },
  pass: { files: codeFile({}, jsonExample(envelopeBody())) },
  firesIn: 'src/model/examples.ts',
  check: (ctx, report) => reportFindings(ctx, 'json', report),
});

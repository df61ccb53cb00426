import { codeFile, envelopeBody, jsonExample } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'example-envelope',
  severity: 'error',
  scope: 'file',
  description: "A JSON example lacks a field of the envelope, has one of the wrong type, or has a field that is neither in the envelope nor one of the code's `extensions`.",
  why: 'The envelope is the contract every error body keeps; an example that breaks it teaches clients the wrong shape.',
  fix: 'Make the body follow the envelope (or the `shape` it names); declare extra fields under `extensions`.',
  fail: { files: codeFile({}, jsonExample('{ "error": { "code": "thing_gone", "docs_url": "https://docs.mini.test/errors#thing_gone" } }')) },
  pass: { files: codeFile({}, jsonExample(envelopeBody())) },
  firesIn: 'src/model/examples.ts',
  check: (ctx, report) => reportFindings(ctx, 'envelope', report),
});

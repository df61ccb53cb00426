import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

const tsExample = (code: string) => `examples:\n  - lang: ts\n    code: |\n      ${code}\n`;

export default defineRule({
  id: 'example-syntax',
  severity: 'error',
  scope: 'file',
  description: 'A TypeScript or JavaScript example does not parse.',
  why: 'SDK samples are what developers paste into their code; one that does not even parse teaches nothing and erodes trust in the page.',
  fix: 'Correct the sample at the reported line and column (oxc-parser parses it); write real code, no `...` placeholders.',
  fail: { files: codeFile({}, tsExample('await things.retrieve("thing_1";')) },
  pass: { files: codeFile({}, tsExample('await things.retrieve("thing_1");')) },
  firesIn: 'src/model/examples.ts (parsed by src/model/sample-syntax.ts)',
  check: (ctx, report) => reportFindings(ctx, 'syntax', report),
});

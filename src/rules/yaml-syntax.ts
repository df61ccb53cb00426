import { codeFile } from './example-files.ts';
import { yamlSyntax } from '../load/load-rules.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  ...yamlSyntax,
  scope: 'file',
  description: 'A catalog file is not valid YAML.',
  why: 'Nothing in a file that does not parse can be checked or published; the diagnostic points at the exact position.',
  fix: 'Fix the YAML at the reported position: close brackets and quotes, indent consistently, quote values that start with `[`, `{`, `*` or `&`.',
  fail: { files: codeFile({ category: '[not_found' }) },
  pass: { files: codeFile() },
  firesIn: 'src/load/load.ts (parsing)',
});

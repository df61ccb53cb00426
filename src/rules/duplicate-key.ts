import { codeFile } from './example-files.ts';
import { duplicateKey } from '../load/load-rules.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  ...duplicateKey,
  scope: 'file',
  description: 'A key appears twice in the same mapping.',
  why: 'YAML tools disagree on which value wins; a repeated key is almost always a merge mistake that silently drops text.',
  fix: 'Keep one of the keys: merge the two values or remove the repeated one.',
  fail: { files: codeFile({}, 'summary: The thing is gone for good.\n') },
  pass: { files: codeFile() },
  firesIn: 'src/load/load.ts (parsing)',
});

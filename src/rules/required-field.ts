import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'required-field',
  severity: 'error',
  scope: 'file',
  description: 'A key the schema requires is missing.',
  why: 'Every section of the page and every export relies on the required fields being there.',
  fix: 'Add the key named in the message, at the position shown (its parent).',
  fail: { files: codeFile({ summary: null }) },
  pass: { files: codeFile() },
  firesIn: 'src/check/schema-issues.ts (from the schema in src/model/schema.ts)',
});

import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'unknown-key',
  severity: 'error',
  scope: 'file',
  description: 'A key the schema does not know, usually a typo; the hint names the closest known key.',
  why: 'A misspelt key would be silently ignored and its text would never reach the page.',
  fix: 'Rename the key to the one suggested, or remove it. Your editor lists the known keys through the $schema comment.',
  fail: { files: codeFile({ summary: null }, 'sumary: The thing was deleted.\n') },
  pass: { files: codeFile() },
  firesIn: 'src/check/schema-issues.ts (from the schema in src/model/schema.ts)',
});

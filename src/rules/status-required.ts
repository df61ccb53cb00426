import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'status-required',
  severity: 'error',
  scope: 'file',
  description: 'A code has no `status`.',
  why: 'Clients branch on the HTTP status first; a code without one cannot be placed in the status table or the exports.',
  fix: 'Add `status:` with the HTTP status (or a list of statuses) the code is returned with.',
  fail: { files: codeFile({ status: null }) },
  pass: { files: codeFile() },
  firesIn: 'src/check/schema-issues.ts (a missing `status`)',
});

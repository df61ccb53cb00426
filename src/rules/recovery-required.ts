import { locate } from '../load/load.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'recovery-required',
  severity: 'error',
  scope: 'file',
  description: 'A code has no recovery text, or an empty one.',
  why: 'Recovery is what a developer came for: the steps that get them past the error.',
  fix: 'Write `recovery:` with the steps a developer takes to get past this error.',
  fail: { files: codeFile({ recovery: '""' }) },
  pass: { files: codeFile() },
  firesIn: 'here (empty text) and src/check/schema-issues.ts (a missing key)',
  check(ctx, report) {
    for (const { data, file } of ctx.codes) {
      if (!data.recovery.trim()) {
        report(file, locate(file, ['recovery']), 'recovery is empty', 'write the steps a developer takes to get past this error');
      }
    }
  },
});

import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'no-codes',
  severity: 'error',
  scope: 'catalog',
  description: 'The catalog has no code files.',
  why: 'An errors page without codes is almost always a wrong catalog directory.',
  fix: 'Add one YAML file per code under codes/, or point the check at the right directory.',
  fail: {
    files: { 'codes/thing_not_found.yaml': null, 'codes/rate_limited.yaml': null, 'shipped.yaml': null },
    note: 'every file under codes/ deleted',
  },
  pass: { files: codeFile() },
  check(ctx, report) {
    // Files refused or codes/ not listable are reported as such, not as "no codes".
    const { loaded } = ctx;
    if (loaded.codes.length + loaded.unreadable.length === 0 && loaded.codesListed && ctx.catalogFile) {
      report(ctx.catalogFile, { line: 1, col: 1 }, 'the catalog has no codes', 'add one YAML file per code under codes/');
    }
  },
});

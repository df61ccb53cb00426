import { locate } from '../catalog/load.ts';
import { codeFile, lockFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { lostCodes } from './shared/lost-codes.ts';

export default defineRule({
  id: 'shipped-code-renamed',
  severity: 'error',
  description: 'A shipped code has no file any more, and a new code with its status and category looks like its new name.',
  why: 'Renaming a shipped code breaks every client that matches on the old name and every docs_url they print.',
  fix: 'Keep the old code (deprecated, with `replacement:` the new one) beside the new code.',
  fail: {
    files: {
      ...codeFile(),
      ...lockFile({ thing_deleted: '{ status: [404], category: not_found }' }),
    },
    note: 'thing_deleted shipped; its file is now thing_gone.yaml',
  },
  pass: {
    files: {
      ...codeFile(),
      ...codeFile({ code: 'thing_deleted', lifecycle: '{ state: deprecated, since: 2026-01-01, replacement: thing_gone }' }),
      ...lockFile({ thing_deleted: '{ status: [404], category: not_found }' }),
    },
    note: 'thing_deleted kept, deprecated in favour of thing_gone',
  },
  check(ctx, report) {
    const lockFile = ctx.loaded.lock;
    if (!lockFile) return;
    for (const { code, twin } of ctx.shared(lostCodes)) {
      if (!twin) continue;
      report(lockFile, locate(lockFile, [code], 'key'), `shipped code "${code}" is gone and "${twin.data.code}" looks like its new name`,
        `codes are never renamed: keep "${code}" (deprecated, replacement: ${twin.data.code}) beside the new code`);
    }
  },
});

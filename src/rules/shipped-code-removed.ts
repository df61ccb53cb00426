import { locate } from '../load/load.ts';
import { codeFile, lockFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { lostCodes } from './shared/lost-codes.ts';

export default defineRule({
  id: 'shipped-code-removed',
  severity: 'error',
  scope: 'catalog',
  description: 'A code recorded in shipped.yaml has no file any more.',
  why: 'Clients in the wild still receive and look up shipped codes; their docs_url must keep landing on a heading.',
  fix: 'Restore the code file and mark it `lifecycle: { state: deprecated, since: <date>, replacement: <new code> }` (or `retired`).',
  fail: {
    files: lockFile({ thing_gone: '{ status: [410], category: not_found }' }),
    note: 'thing_gone shipped, and its file was deleted',
  },
  pass: {
    files: {
      ...codeFile({ lifecycle: '{ state: retired, since: 2026-01-01, replacement: thing_not_found }' }),
      ...lockFile({ thing_gone: '{ status: [404], category: not_found }' }),
    },
    note: 'thing_gone kept, marked retired',
  },
  check(ctx, report) {
    const lockFile = ctx.loaded.lock;
    if (!lockFile) return;
    // Against a base, the review turns this into shipped-code-renamed when another code has its content.
    for (const code of ctx.shared(lostCodes)) {
      report(lockFile, locate(lockFile, [code], 'key'), `shipped code "${code}" was removed`,
        `shipped codes stay forever: restore codes/${code}.yaml and mark it \`lifecycle: { state: deprecated, since: <date>, replacement: <new code> }\` (or \`retired\`)`);
    }
  },
});

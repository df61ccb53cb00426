import { lockFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'shipped-lock-edited',
  severity: 'error',
  scope: 'catalog',
  description: 'Compared with the base revision (`--base`), an entry of shipped.yaml was removed or changed.',
  why: 'The lock only grows: editing it by hand would hide a removed or changed shipped code from every later check.',
  fix: 'Restore the entry; the lock only grows, through `npm run catalog:ship`.',
  fail: {
    base: lockFile(),
    files: lockFile({ thing_not_found: '{ status: [404, 410], category: not_found }' }),
    note: 'reviewed with --base: the lock entry of thing_not_found was edited',
  },
  pass: {
    base: lockFile(),
    files: lockFile(),
  },
  firesIn: 'src/review/diff.ts (lockEdits, with --base)',
});

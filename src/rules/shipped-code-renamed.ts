import { codeFile, lockFile } from './example-files.ts';
import { defineRule } from './rule.ts';

const kept = { code: 'thing_deleted', summary: 'The thing was deleted, for good.', when: 'Someone deleted it and emptied the bin.' };

export default defineRule({
  id: 'shipped-code-renamed',
  severity: 'error',
  scope: 'catalog',
  description: 'Compared with the base revision (`--base`), a shipped code is gone and a new code has its content: a rename.',
  why: 'Renaming a shipped code breaks every client that matches on the old name and every docs_url they print.',
  fix: 'Keep the old code (deprecated, with `replacement:` the new one) beside the new code.',
  fail: {
    base: { ...codeFile(kept), ...lockFile({ thing_deleted: '{ status: [404], category: not_found }' }) },
    files: {
      'codes/thing_deleted.yaml': null,
      ...codeFile({ ...kept, code: 'thing_removed' }),
      ...lockFile({ thing_deleted: '{ status: [404], category: not_found }' }),
    },
    note: 'reviewed with --base: thing_deleted.yaml became thing_removed.yaml with the same text',
  },
  pass: {
    base: { ...codeFile(kept), ...lockFile({ thing_deleted: '{ status: [404], category: not_found }' }) },
    files: {
      ...codeFile({ ...kept, lifecycle: '{ state: deprecated, since: 2026-01-01, replacement: thing_removed }' }),
      ...codeFile({ ...kept, code: 'thing_removed' }),
      ...lockFile({ thing_deleted: '{ status: [404], category: not_found }' }),
    },
    note: 'thing_deleted kept, deprecated in favour of thing_removed',
  },
  firesIn: 'src/review/rename.ts (with --base: a removed shipped code whose content, names aside, is at least 80% another new code\'s)',
});

import { lockFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'lock-format',
  severity: 'error',
  scope: 'file',
  description: 'shipped.yaml, the lock of shipped codes, is malformed.',
  why: 'The lock is how every check knows which codes shipped; a broken lock would let shipped codes change unnoticed.',
  fix: 'Restore shipped.yaml from version control; it is written by `npm run catalog:ship`, never by hand.',
  fail: { files: lockFile({ rate_limited: '{ status: [429], categorie: limits }' }) },
  pass: { files: lockFile() },
  firesIn: 'src/check/stability.ts (readLock)',
});

import { codeFile } from './example-files.ts';
import { unsafeFile } from '../load/load-rules.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  ...unsafeFile,
  scope: 'file',
  description: 'A catalog path is not a regular file inside the catalog directory (a symlink leaving it, a FIFO, a device, a directory), so it is not read.',
  why: 'On a CI runner, following a symlink out of the catalog would print files such as /etc/shadow or .git/config into a public log; a FIFO or /dev/zero would hang the check.',
  fix: 'Replace it with a regular file inside the catalog directory (a symlink to another catalog file is fine).',
  fail: { files: { 'codes/thing_gone.yaml/README': 'a directory named like a code file' }, note: 'codes/thing_gone.yaml is a directory' },
  pass: { files: codeFile() },
  locked: true,
  firesIn: 'src/load/read.ts (reading)',
});

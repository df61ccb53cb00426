import { basename } from 'node:path';
import { locate } from '../load/load.ts';
import { codeFile, codeYaml } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'filename-matches-code',
  severity: 'error',
  scope: 'file',
  description: 'A code file is not named after its code.',
  why: 'One file per code, named after it: a reader (or a pull request) finds a code where its name says.',
  fix: 'Rename the file to `<code>.yaml`.',
  fail: { files: { 'codes/thing_deleted.yaml': codeYaml() } },
  pass: { files: codeFile() },
  check(ctx, report) {
    for (const { data, file } of ctx.codes) {
      if (basename(file.path).replace(/\.ya?ml$/, '') !== data.code) {
        report(file, locate(file, ['code']), `file name does not match code "${data.code}"`,
          `rename the file to ${data.code}.yaml so each code is found where its name says`);
      }
    }
  },
});

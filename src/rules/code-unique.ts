import { locate } from '../load/load.ts';
import type { ValidCode } from './context.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'code-unique',
  severity: 'error',
  scope: 'catalog',
  description: 'Two files define the same code, or codes that differ only in case.',
  why: 'Each code is the id of one heading and one SDK lookup; two of them would collide.',
  fix: 'Rename one of the codes (or merge the two files).',
  fail: { files: codeFile({ code: 'Thing_Not_Found' }), note: 'the base catalog already has thing_not_found' },
  pass: { files: codeFile() },
  check(ctx, report) {
    const seen = new Map<string, ValidCode>();
    for (const c of ctx.codes) {
      const key = c.data.code.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, c);
        continue;
      }
      const same = first.data.code === c.data.code;
      report(c.file, locate(c.file, ['code']),
        same ? `code "${c.data.code}" is also defined in ${first.file.path}`
          : `code "${c.data.code}" differs only in case from "${first.data.code}" in ${first.file.path}`,
        'codes must be unique, case-insensitively: anchors and SDK lookups would collide');
    }
  },
});

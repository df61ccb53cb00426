import { locate } from '../load/load.ts';
import { closest } from '../load/suggest.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'related-resolves',
  severity: 'error',
  scope: 'catalog',
  description: 'A `related` code or a lifecycle `replacement` names no code of the catalog (or the code itself).',
  why: 'These become links on the page; a link to a code that does not exist is a dead end for the reader.',
  fix: 'Name an existing code (see the hint), or remove the entry.',
  fail: { files: codeFile({}, 'related:\n  - code: rate_limit\n    note: Not the same thing.\n') },
  pass: { files: codeFile({}, 'related:\n  - code: rate_limited\n    note: Not the same thing.\n') },
  check(ctx, report) {
    if (!ctx.catalog) return;
    const names = ctx.codeNames;
    for (const { data, file } of ctx.codes) {
      for (const [i, r] of (data.related ?? []).entries()) {
        if (!names.has(r.code)) {
          const guess = closest(r.code, names, 1)[0];
          report(file, locate(file, ['related', i, 'code']), `related code "${r.code}" does not exist`,
            guess ? `did you mean "${guess}"?` : 'add the code to the catalog or remove the relation');
        } else if (r.code === data.code) {
          report(file, locate(file, ['related', i, 'code']), 'a code cannot be related to itself', 'remove this entry');
        }
      }
      const replacement = data.lifecycle?.replacement;
      if (replacement !== undefined && !names.has(replacement)) {
        const guess = closest(replacement, names, 1)[0];
        report(file, locate(file, ['lifecycle', 'replacement']), `replacement code "${replacement}" does not exist`,
          guess ? `did you mean "${guess}"?` : 'name an existing code');
      }
    }
  },
});

import { locate } from '../load/load.ts';
import { closest } from '../load/suggest.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'category-known',
  severity: 'error',
  scope: 'file',
  description: 'A code names a category that catalog.yaml does not declare; the hint names the closest one.',
  why: 'The page lists codes by category: a code in an unknown category would have no place on it.',
  fix: 'Use a declared category (see the hint), or declare the new one under `categories` in catalog.yaml.',
  fail: { files: codeFile({ category: 'notfound' }) },
  pass: { files: codeFile({ category: 'not_found' }) },
  check(ctx, report) {
    if (!ctx.catalog) return;
    const ids = ctx.catalog.categories.map((c) => c.id);
    for (const { data, file } of ctx.codes) {
      if (ids.includes(data.category)) continue;
      const guess = closest(data.category, ids, 1)[0];
      report(file, locate(file, ['category']), `unknown category "${data.category}"`,
        guess ? `did you mean "${guess}"?` : `declare it in catalog.yaml or use one of: ${ids.join(', ')}`);
    }
  },
});

import { locate } from '../load/load.ts';
import { catalogYaml } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'category-unique',
  severity: 'error',
  scope: 'file',
  description: 'catalog.yaml declares the same category twice.',
  why: 'Category ids are headings and filter values on the page; a second one would collide with the first.',
  fix: 'Declare each category once; merge the two declarations.',
  fail: {
    files: {
      'catalog.yaml': catalogYaml('  - { id: not_found, title: Not found }\n  - { id: limits, title: Limits }\n  - { id: limits, title: Limits again }\n'),
    },
  },
  pass: { files: { 'catalog.yaml': catalogYaml('  - { id: not_found, title: Not found }\n  - { id: limits, title: Limits }\n') } },
  check(ctx, report) {
    const { catalog, catalogFile } = ctx;
    if (!catalog || !catalogFile) return;
    const seen = new Set<string>();
    for (const [i, c] of catalog.categories.entries()) {
      if (seen.has(c.id)) {
        report(catalogFile, locate(catalogFile, ['categories', i, 'id']), `category "${c.id}" is declared twice`, 'declare each category once');
      }
      seen.add(c.id);
    }
  },
});

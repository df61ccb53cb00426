import { locate } from '../load/load.ts';
import { codeYaml } from './example-files.ts';
import { defineRule } from './rule.ts';
import { keptCodes } from './shared/lost-codes.ts';

export default defineRule({
  id: 'shipped-category-changed',
  severity: 'error',
  scope: 'catalog',
  description: 'The category of a shipped code changed.',
  why: 'SDKs map categories to error classes; a new category changes the class clients catch.',
  fix: 'Keep the shipped category.',
  fail: {
    files: { 'codes/thing_not_found.yaml': codeYaml({ code: 'thing_not_found', category: 'limits' }) },
    note: 'thing_not_found shipped in category not_found',
  },
  pass: { files: { 'codes/thing_not_found.yaml': codeYaml({ code: 'thing_not_found', category: 'not_found' }) } },
  check(ctx, report) {
    for (const { data, file, shipped } of ctx.shared(keptCodes)) {
      if (data.category === shipped.category) continue;
      report(file, locate(file, ['category']),
        `category of shipped code "${data.code}" changed from ${shipped.category} to ${data.category}`,
        `keep category "${shipped.category}"; SDKs map categories to error classes`);
    }
  },
});

import { codePattern } from '../model/code-pattern.ts';
import { locate } from '../load/load.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'code-pattern',
  severity: 'error',
  scope: 'file',
  description: "A code does not match the catalog's `code_pattern`.",
  why: 'Clients and SDKs rely on one naming convention; the pattern in catalog.yaml states it once.',
  fix: 'Rename the code to follow `code_pattern` (catalog.yaml).',
  fail: { files: codeFile({ code: 'ThingGone' }), note: "the base catalog's code_pattern is ^[a-z][a-z0-9_]*$" },
  pass: { files: codeFile() },
  check(ctx, report) {
    if (!ctx.catalog) return;
    // Matched with RE2 in linear time (src/model/code-pattern.ts); invalid-value reports a refused pattern.
    const matches = codePattern(ctx.catalog.code_pattern, () => {});
    if (!matches) return;
    for (const { data, file } of ctx.codes) {
      if (!matches(data.code)) {
        report(file, locate(file, ['code']), `code "${data.code}" does not match the catalog's pattern ${ctx.catalog.code_pattern}`,
          'rename the code to follow the pattern declared as code_pattern in catalog.yaml');
      }
    }
  },
});

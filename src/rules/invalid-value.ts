import { codePattern } from '../model/code-pattern.ts';
import { locate } from '../load/load.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'invalid-value',
  severity: 'error',
  scope: 'file',
  description: 'A value has the wrong type or is not one of the accepted values (or code_pattern is not a valid RE2 regular expression).',
  why: 'The page and the exports read these values as typed data; a wrong type would publish nonsense or break the build.',
  fix: 'Use a value of the type the message names; the hint lists the accepted values when there are few.',
  fail: { files: codeFile({ retry: '{ when: sometimes }' }) },
  pass: { files: codeFile({ retry: '{ when: conditional }' }) },
  firesIn: 'src/check/schema-issues.ts (from the schema), and here for code_pattern',
  check(ctx, report) {
    const { catalog, catalogFile } = ctx;
    if (!catalog || !catalogFile) return;
    codePattern(catalog.code_pattern, (message, hint) => report(catalogFile, locate(catalogFile, ['code_pattern']), message, hint));
  },
});

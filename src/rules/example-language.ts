import { languageFindings } from '../model/example-languages.ts';
import { catalogYaml, codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

const LANGUAGES = 'languages:\n  - { lang: http, label: HTTP }\n  - { lang: ts, label: TypeScript SDK }\n';
const ts = (call: string) => `  - lang: ts\n    code: |\n      await things.${call}("thing_1");\n`;

export default defineRule({
  id: 'example-language',
  severity: 'error',
  scope: 'file',
  description: 'A language is declared twice in `languages`, or a code has two examples in one declared language.',
  why: 'Declared languages are shown as synced tabs, one per language: a second example in the same language would have no tab of its own.',
  fix: 'Merge the two examples, or drop the language from `languages` to show them one below the other.',
  fail: { files: { 'catalog.yaml': catalogYaml(undefined, LANGUAGES), ...codeFile({}, `examples:\n${ts('retrieve')}${ts('get')}`) } },
  pass: { files: { 'catalog.yaml': catalogYaml(undefined, LANGUAGES), ...codeFile({}, `examples:\n${ts('retrieve')}`) } },
  check(ctx, report) {
    if (!ctx.catalog || !ctx.catalogFile) return;
    for (const f of languageFindings(ctx.catalog, ctx.catalogFile, ctx.codes)) report(f.file, f.at, f.message, f.hint);
  },
});

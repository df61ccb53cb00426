import type { SourceFile } from '../load/load.ts';
import { codeYaml } from './example-files.ts';
import { defineRule } from './rule.ts';

const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=\S+/;

export default defineRule({
  id: 'schema-comment',
  severity: 'warning',
  scope: 'file',
  description: 'A catalog file does not start with the `# yaml-language-server: $schema=...` comment.',
  why: 'With the comment, editors (VS Code with the Red Hat YAML extension) complete keys and flag mistakes while you type.',
  fix: 'Start the file with `# yaml-language-server: $schema=<relative path to schema/*.schema.json>`.',
  fail: { files: { 'codes/thing_gone.yaml': codeYaml() } },
  pass: { files: { 'codes/thing_gone.yaml': `# yaml-language-server: $schema=../../../../schema/code.schema.json\n${codeYaml()}` } },
  check(ctx, report) {
    const files: SourceFile[] = [ctx.loaded.catalog, ...ctx.loaded.codes].filter(
      (f): f is SourceFile => f !== undefined && f.data !== undefined,
    );
    for (const file of files) {
      if (!SCHEMA_COMMENT.test(file.text)) {
        report(file, { line: 1, col: 1 }, 'first line lacks the yaml-language-server $schema comment',
          'start the file with `# yaml-language-server: $schema=<relative path to schema/*.schema.json>` so editors complete and check it');
      }
    }
  },
});

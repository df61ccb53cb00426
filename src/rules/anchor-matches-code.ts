import { locate } from '../load/load.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'anchor-matches-code',
  severity: 'error',
  scope: 'file',
  description: 'A code sets an `anchor` different from its code.',
  why: 'Every docs_url is the page URL plus `#<code>`; a different heading id would break every link clients print.',
  fix: 'Remove `anchor`, or make it equal to the code.',
  fail: { files: codeFile({ anchor: 'thing-gone' }) },
  pass: { files: codeFile({ anchor: 'thing_gone' }) },
  check(ctx, report) {
    for (const { data, file } of ctx.codes) {
      if (data.anchor !== undefined && data.anchor !== data.code) {
        report(file, locate(file, ['anchor']), `anchor "${data.anchor}" differs from code "${data.code}"`,
          'docs_url links point at #<code>; remove `anchor` or make it equal to the code');
      }
    }
  },
});

import { AnyCode } from './context.ts';
import { pageAnchors } from '../model/model.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'anchor-collision',
  severity: 'error',
  scope: 'catalog',
  description: 'A page section or category id equals a code.',
  why: "A code's heading must be the only element with its id, or its docs_url lands on the wrong place.",
  fix: 'Rename the section or category id (codes never change once shipped).',
  fail: { files: codeFile({ code: 'sdk' }), note: 'the base catalog has a section with id sdk' },
  pass: { files: codeFile({ code: 'thing_gone' }) },
  check(ctx, report) {
    const { catalog, catalogFile } = ctx;
    if (!catalog || !catalogFile) return;
    for (const id of pageAnchors(catalog)) {
      if (!(ctx.codeNames instanceof AnyCode) && ctx.codeNames.has(id)) {
        report(catalogFile, { line: 1, col: 1 }, `page section id "${id}" equals a code`,
          'rename the section or category id: each code must be the only element with its id');
      }
    }
  },
});

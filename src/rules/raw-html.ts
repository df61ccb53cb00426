import { dotted } from '../load/load.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { locateSnippet, scannedTexts, truncate } from './shared/texts.ts';

export default defineRule({
  id: 'raw-html',
  severity: 'error',
  scope: 'file',
  description: 'Catalog text contains raw HTML.',
  why: 'Catalog text is Markdown only, so nothing in it can inject markup or script into the page (the renderer escapes it anyway).',
  fix: 'Use Markdown instead of HTML; put literal angle brackets in `backticks` (e.g. `` `<API_KEY>` ``).',
  fail: { files: codeFile({ when: 'Send the header <b>X-Key</b>.' }) },
  pass: { files: codeFile({ when: 'Send the header `X-Key`.' }) },
  firesIn: 'src/rules/shared/texts.ts (one Markdown scan of all text)',
  check(ctx, report) {
    for (const t of ctx.shared(scannedTexts)) {
      for (const p of t.problems) {
        if (p.kind !== 'raw-html') continue;
        report(t.file, locateSnippet(t.file, t.path, p.snippet), `raw HTML in ${dotted(t.path)}: ${truncate(p.snippet)}`,
          'catalog text is Markdown only; put literal angle brackets in `backticks`');
      }
    }
  },
});

import { dotted, locate } from '../load/load.ts';
import { scanMarkdown } from '../model/markdown.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { locateSnippet, scannedTexts, truncate } from './shared/texts.ts';

const HINT = 'link only to https://, mailto:, a relative path or a #fragment';

export default defineRule({
  id: 'unsafe-link',
  severity: 'error',
  scope: 'file',
  description: 'A link in catalog text (or a `where_next` href) uses a scheme other than http(s) or mailto.',
  why: 'A `javascript:` or `data:` link on a documentation page runs code in the reader\'s browser.',
  fix: 'Link only to https://, mailto:, a relative path or a #fragment.',
  fail: { files: codeFile({ recovery: '"[Retry](javascript:retry())."' }) },
  pass: { files: codeFile({ recovery: '"[Retry](https://docs.mini.test/retry)."' }) },
  firesIn: 'src/rules/shared/texts.ts (one Markdown scan of all text)',
  check(ctx, report) {
    for (const t of ctx.shared(scannedTexts)) {
      if (t.isHref) {
        if (!isSafeLinkTarget(t.text)) report(t.file, locate(t.file, t.path), `link "${t.text}" uses a scheme other than http(s) or mailto`, HINT);
        continue;
      }
      for (const p of t.problems) {
        if (p.kind !== 'unsafe-link') continue;
        report(t.file, locateSnippet(t.file, t.path, p.snippet), `unsafe link target "${truncate(p.snippet)}" in ${dotted(t.path)}`, HINT);
      }
    }
  },
});

function isSafeLinkTarget(href: string): boolean {
  return scanMarkdown(`[x](${href.replace(/[()]/g, encodeURIComponent)})`).problems.length === 0;
}

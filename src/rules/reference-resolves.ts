import { closest } from '../load/suggest.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { linkTargets, locateSnippet, scannedTexts } from './shared/texts.ts';

export default defineRule({
  id: 'reference-resolves',
  severity: 'error',
  scope: 'catalog',
  description: 'A `#fragment` link in catalog text matches no code and no page section.',
  why: 'Links between codes are how readers move from one error to a related one; a dead fragment goes nowhere.',
  fix: 'Link to an existing code as `[code](#code)` (see the hint), or to a section id.',
  fail: { files: codeFile({ recovery: 'Mind the [rate limit](#rate_limted).' }) },
  pass: { files: codeFile({ recovery: 'Mind the [rate limit](#rate_limited).' }) },
  firesIn: 'src/rules/shared/texts.ts (one Markdown scan of all text)',
  check(ctx, report) {
    const texts = ctx.shared(scannedTexts);
    if (!texts.some((t) => t.links.length)) return;
    const anchors = linkTargets(ctx);
    for (const t of texts) {
      for (const { href } of t.links) {
        if (!href.startsWith('#')) continue;
        const target = decoded(href.slice(1));
        if (anchors.has(target)) continue;
        const guess = closest(target, anchors, 1)[0];
        report(t.file, locateSnippet(t.file, t.path, href), `link to "${href}" matches no code or section`,
          guess ? `did you mean "#${guess}"?` : 'link to an existing code as [code](#code)');
      }
    }
  },
});

/** A malformed %-escape is compared as written rather than thrown. */
function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

// Variants of a built errors page for the benchmark's A/B rows, made by rewriting the built
// HTML: the switches only a benchmark needs stay out of src/. The rest of the site is
// hard-linked, so a 10,000-code site costs no second copy.
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The page without the landing script's hold: the script still adds its style (and on a
 * small page its render-blocking link), but the style hides nothing and the link blocks
 * nothing, so the page paints as the document arrives (what it would do without the
 * trick). Throws unless the built page has exactly one hiding rule, so the row cannot
 * silently measure the page itself twice.
 */
export function withoutLandingHold(html: string): string {
  const hide = /\.ec-page\{content-visibility:hidden\}/g;
  const found = html.match(hide)?.length ?? 0;
  if (found !== 1) throw new Error(`withoutLandingHold: expected the landing script's one hiding rule, found ${found}`);
  // The render-blocking link is added on small pages only; without `blocking` it holds nothing.
  return html.replace(hide, '.ec-page{}').replace(/\b\w+\.setAttribute\((["'])blocking\1,\s*(["'])render\2\);?/g, '');
}

/**
 * A copy of the built site at `to` (hard links) whose page at `pagePath` is rewritten.
 * Returns `to`.
 */
export function writeVariant(from: string, to: string, pagePath: string, rewrite: (html: string) => string): string {
  rmSync(to, { recursive: true, force: true });
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    mkdirSync(dirname(target), { recursive: true });
    linkSync(source, target);
  }
  const page = join(to, pagePath, 'index.html');
  const html = readFileSync(page, 'utf8');
  // A new file, not a write through the link: the original page must stay as it was built.
  unlinkSync(page);
  writeFileSync(page, rewrite(html));
  return to;
}

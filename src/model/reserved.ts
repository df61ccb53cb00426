// Names a code cannot have, because the page could not give it a unique id and a plain URL
// of its own. The ids were read from the built errors page (Starlight's layout and the
// page's own controls); tests/unit/site-build.test.ts re-reads them from a fresh build and
// fails when the markup gains an id this list misses. Refused up front by the check
// (`code-reserved`); the built-site verification (src/build/verify.ts) is the backstop.

/** Ids of elements the errors page renders for itself. */
export const PAGE_IDS = [
  '_top',
  'theme-icons',
  'starlight__search',
  'starlight__sidebar',
  'starlight__mobile-toc',
  'starlight__on-this-page',
  'starlight__on-this-page--mobile',
  'ec-copy-status',
  'ec-filter-status',
  'ec-filter-category',
  'ec-colours',
] as const;

/** Id prefixes Starlight and the page keep for themselves, so a future control can't take a code's id either. */
export const PAGE_ID_PREFIXES = ['starlight__', 'ec-', 'pagefind'] as const;

/**
 * Entries of the built site a plain URL /<page>/<code>/ could overwrite when the page is at
 * the site's root: the exports, Astro's and Pagefind's folders, the sitemap. Compared
 * case-insensitively, as a case-insensitive disk would.
 */
export const SITE_ENTRIES = ['_astro', 'pagefind', 'errcat', 'errors.json', 'errors.d.ts', 'errors.openapi.json', 'llms.txt', 'llms-full.txt', '404.html', 'index.html',
  'favicon.svg', 'robots.txt', 'sitemap-index.xml'] as const;

/** Characters that would change what a URL or an id means: separators, escapes, quotes, spaces, controls. */
const UNSAFE_CHARS = /[\s\p{Cc}\p{Cf}/\\?#%"'<>`^{}|[\]]/u;
const PLAIN_CHARS = /^[A-Za-z0-9_.-]*$/;

/** Why `code` can't be a code, or undefined if it can. */
export function reservedCode(code: string): string | undefined {
  const lower = code.toLowerCase();
  if (PAGE_IDS.some((id) => id === code)) return `is an id the errors page uses for its own element (${code})`;
  const prefix = PAGE_ID_PREFIXES.find((p) => code.startsWith(p));
  if (prefix) return `starts with "${prefix}", which the page and Starlight keep for their own ids`;
  if (code.startsWith('.')) return 'starts with a dot: its plain URL would be a dot segment or a hidden file';
  if (SITE_ENTRIES.some((e) => e === lower) || /^sitemap-.*\.xml$/.test(lower)) {
    return `is the name of a file or folder of the built site: its plain URL could overwrite it`;
  }
  // (Letters, digits, `_`, `-` and `.` are all safe: most codes need no Unicode-aware scan.)
  const bad = PLAIN_CHARS.test(code) ? null : UNSAFE_CHARS.exec(code);
  if (bad) return `contains ${JSON.stringify(bad[0])}, which a URL or an id can't carry unchanged`;
  return undefined;
}

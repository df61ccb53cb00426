// Links between the catalog and the rest of the docs site, checked on the built pages (the
// errors page is not Markdown, so Starlight link validators cannot see into it):
// - a site-relative link in catalog text must reach a built page or file, and its
//   #fragment an id on that page;
// - a docs page's link to the errors page (or a code's plain URL) must name a code or a
//   section that exists there.
// Each problem points at the source that holds the link when it can be found.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { displayPath } from '../load/load.ts';
import { closest } from '../load/suggest.ts';
import { plainText } from '../reporters/escape.ts';

/**
 * A link that does not resolve. Not a catalog diagnostic (the check cannot see the site, and
 * the rule registry holds only what it checks), but printed in the same layout.
 */
export interface LinkProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  hint: string;
}

/** `path:line:col  error  site-link  message  hint: ...`, sorted like the check's output. */
export function formatLinkProblems(list: LinkProblem[]): string {
  return [...list]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
    .map((p) => plainText(`${p.file}:${p.line}:${p.col}  error  site-link  ${p.message}  hint: ${p.hint}`))
    .join('\n');
}

export interface BuiltPage {
  /** `/guides/retries/` */
  path: string;
  ids: Set<string>;
  /** Ids of headings, for suggestions. */
  headings: string[];
  hrefs: string[];
  /** The hrefs inside the errors page's own markup (`<div class="ec-page">`): catalog text and the plugin's links. */
  ownHrefs: string[];
}

/** A text file that may hold a link as written: catalog YAML or a docs page's source. */
export interface SourceText {
  path: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' };
const decode = (s: string) => s.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, e: string) => ENTITIES[e]!);
const slashed = (p: string) => (p.endsWith('/') ? p : `${p}/`);
const hrefsOf = (html: string) => [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((m) => decode(m[1]!));

/**
 * The markup the plugin rendered: its `ec-page` div, up to the </div> that closes it. The
 * rest of the page (Starlight's header, sidebar, footer) is the host's, whose links are the
 * host's business: a host site without a home page still builds though the header links `/`.
 */
export function ownMarkup(html: string): string {
  const start = /<div class="ec-page[ "]/.exec(html)?.index;
  if (start === undefined) return '';
  let depth = 0;
  for (const tag of html.slice(start).matchAll(/<(\/?)div\b/g)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, start + tag.index);
  }
  return html.slice(start);
}

/** Astro's `pages` (pathnames without a leading slash) read back from the output directory. */
export function readBuiltPages(outDir: string, pathnames: string[]): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  for (const p of pathnames) {
    const path = slashed(`/${p}`.replace(/\/+/g, '/'));
    const file = [join(outDir, path, 'index.html'), join(outDir, `${path.slice(0, -1) || '/index'}.html`)].find(existsSync);
    if (!file) continue;
    const html = readFileSync(file, 'utf8');
    pages.set(path, {
      path,
      ids: new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!))),
      headings: [...html.matchAll(/<h[1-6]\s[^>]*?id="([^"]*)"/g)].map((m) => decode(m[1]!)),
      hrefs: hrefsOf(html),
      ownHrefs: hrefsOf(ownMarkup(html)),
    });
  }
  return pages;
}

interface Target {
  path: string;
  hash: string;
}

/** Site-relative target of an href on `from`, or undefined for external and same-page links. */
function target(href: string, from: string, base: string): Target | undefined {
  if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  const url = new URL(href, `http://site${from}`);
  let path = decodeURIComponent(url.pathname);
  if (base !== '/' && path.startsWith(base)) path = path.slice(base.length - 1);
  return { path, hash: decodeURIComponent(url.hash.slice(1)) };
}

/** Where a link is written: file:line:col of the first source holding it, else the built page. */
function locate(href: string, sources: SourceText[], page: string): Pick<LinkProblem, 'file' | 'line' | 'col'> {
  for (const s of sources) {
    const at = s.text.indexOf(href);
    if (at < 0) continue;
    const before = s.text.slice(0, at).split('\n');
    return { file: s.path, line: before.length, col: before.at(-1)!.length + 1 };
  }
  return { file: `page ${page}`, line: 0, col: 0 };
}

export function checkSiteLinks(opts: {
  pages: Map<string, BuiltPage>;
  /** `/concepts/errors` */
  pagePath: string;
  codes: string[];
  outDir: string;
  base?: string;
  catalogSources: SourceText[];
  docsSources: SourceText[];
}): LinkProblem[] {
  const { pages, codes, outDir, base = '/' } = opts;
  const errorsPath = slashed(opts.pagePath);
  const errorsPage = pages.get(errorsPath);
  const out: LinkProblem[] = [];
  const problem = (href: string, from: string, sources: SourceText[], message: string, hint: string) =>
    out.push({ ...locate(href, sources, from), message, hint });

  const fileExists = (path: string) => {
    const f = join(outDir, path);
    return extname(path) !== '' && existsSync(f) && statSync(f).isFile();
  };

  // Catalog text -> the rest of the site.
  for (const href of new Set(errorsPage?.ownHrefs ?? [])) {
    const t = target(href, errorsPath, base);
    if (!t || slashed(t.path) === errorsPath) continue;
    const page = pages.get(slashed(t.path));
    if (!page) {
      if (fileExists(t.path)) continue;
      const near = closest(slashed(t.path), pages.keys(), 1);
      problem(href, errorsPath, opts.catalogSources, `link to ${t.path}: no such page on the site`, near.length ? `did you mean ${near[0]}?` : 'link to a page the site builds');
    } else if (t.hash && !page.ids.has(t.hash)) {
      const near = closest(t.hash, page.headings);
      problem(href, errorsPath, opts.catalogSources, `link to ${t.path}#${t.hash}: no heading or id "${t.hash}" on that page`, near.length ? `did you mean ${near.map((h) => `#${h}`).join(', ')}?` : 'link to one of its headings');
    }
  }

  // The rest of the site -> the errors page and the codes' plain URLs.
  const known = errorsPage?.ids ?? new Set<string>();
  for (const page of pages.values()) {
    if (page.path === errorsPath || page.path.startsWith(errorsPath)) continue;
    for (const href of new Set(page.hrefs)) {
      const t = target(href, page.path, base);
      if (!t) continue;
      const path = slashed(t.path);
      if (path === errorsPath) {
        if (t.hash && !known.has(t.hash)) {
          const near = closest(t.hash, codes);
          problem(href, page.path, opts.docsSources, `link to ${opts.pagePath}#${t.hash}: no code or section "${t.hash}" on the errors page`, near.length ? `did you mean ${near.map((c) => `#${c}`).join(', ')}?` : 'link to a code the catalog defines');
        }
      } else if (path.startsWith(errorsPath) && !pages.has(path)) {
        const code = path.slice(errorsPath.length, -1);
        const near = closest(code, codes);
        problem(href, page.path, opts.docsSources, `link to ${t.path}: no code "${code}" in the catalog`, near.length ? `did you mean ${near.join(', ')}?` : 'link to a code the catalog defines');
      }
    }
  }
  return out;
}

/** Every Markdown-ish source of the docs collection, for pointing at a link's line. */
export function readDocsSources(dir: string): SourceText[] {
  const out: SourceText[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|mdx|mdoc|markdown)$/.test(name)) out.push({ path: displayPath(p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

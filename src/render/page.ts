// Everything the errors page derives from the model, as plain data: the heading list for
// Starlight's "On this page", the quick navigation, the filter facets, the retry label of
// a code, and the lifecycle notice. The .astro components only lay this out.
import { contractChangelog, type Release } from '../model/changelog.ts';
import { categoryAnchor, FIXED_ANCHORS, type CatalogModel, type CodeEntry } from '../model/model.ts';
import { statusText } from '../model/http.ts';
import type { Retry, Section } from '../model/schema.ts';

export interface PageHeading {
  depth: number;
  slug: string;
  text: string;
}

/** Fixed page headings that are not catalog data. */
export const FIXED_TITLES = {
  quickNav: 'Quick navigation',
  statusSummary: 'Status code summary',
  codes: 'Codes by category',
  changelog: 'Changelog of the error contract',
  whereNext: 'Where next',
} as const;

export function sectionsAt(model: CatalogModel, place: Section['place']): Section[] {
  return (model.catalog.sections ?? []).filter((s) => s.place === place);
}

/** Strip the Markdown-ish backticks from a one-line title for plain-text contexts. */
export function plainTitle(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1');
}

/**
 * Up to this many codes, "On this page", the quick navigation and the status table list
 * every code. Above it they list categories and statuses with counts, linking to the
 * filtered list: a list of hundreds of codes repeated three times is not something a
 * reader scans (search and the filters find a code faster), and it costs every visit
 * (a 1,000-code page carried each code five times; Starlight's "On this page" script
 * watched 1,000 headings and blocked input for about 2 s after load).
 */
export const LIST_CODES_UP_TO = 60;

export function listsEveryCode(model: Pick<CatalogModel, 'codes'>): boolean {
  return model.codes.length <= LIST_CODES_UP_TO;
}

/** A code as HTML that may break after its underscores (never inside a word). */
export function breakableCode(code: string): string {
  return escapeHtml(code).replace(/_/g, '_<wbr>');
}

/** Filter link: the page's list of codes with a status or category preselected. */
export function filterHref(filter: { status?: number | string; category?: string }): string {
  const q = new URLSearchParams();
  if (filter.status !== undefined) q.set('status', String(filter.status));
  if (filter.category !== undefined) q.set('category', filter.category);
  return `?${q}#${FIXED_ANCHORS.codes}`;
}

/**
 * The headings of the page in document order, as `<StarlightPage headings>` wants them.
 * Every id here is rendered by exactly one element, and codes keep their exact spelling.
 */
export function buildHeadings(model: CatalogModel): PageHeading[] {
  const { catalog } = model;
  const h: PageHeading[] = [];
  h.push({ depth: 2, slug: FIXED_ANCHORS.quickNav, text: FIXED_TITLES.quickNav });
  h.push({ depth: 2, slug: catalog.envelope.id, text: plainTitle(catalog.envelope.title) });
  for (const s of catalog.shapes ?? []) h.push({ depth: 3, slug: s.id, text: plainTitle(s.title) });
  for (const s of sectionsAt(model, 'before-codes')) h.push({ depth: 2, slug: s.id, text: plainTitle(s.title) });
  if (catalog.retry_guidance) h.push({ depth: 2, slug: FIXED_ANCHORS.retry, text: plainTitle(catalog.retry_guidance.title) });
  h.push({ depth: 2, slug: FIXED_ANCHORS.statusSummary, text: FIXED_TITLES.statusSummary });
  h.push({ depth: 2, slug: FIXED_ANCHORS.codes, text: FIXED_TITLES.codes });
  for (const c of model.categories) {
    if (!c.codes.length) continue;
    h.push({ depth: 2, slug: categoryAnchor(c.id), text: plainTitle(c.title) });
    if (listsEveryCode(model)) for (const code of c.codes) h.push({ depth: 3, slug: code.code, text: code.code });
  }
  for (const s of sectionsAt(model, 'after-codes')) h.push({ depth: 2, slug: s.id, text: plainTitle(s.title) });
  if (changelogOf(model).length) h.push({ depth: 2, slug: FIXED_ANCHORS.changelog, text: FIXED_TITLES.changelog });
  if (catalog.where_next?.length) h.push({ depth: 2, slug: FIXED_ANCHORS.whereNext, text: FIXED_TITLES.whereNext });
  return h;
}

/**
 * A changelog cell lists its codes up to this many; a longer one (the first release of a
 * large API adds hundreds) shows the count, its list folded away in a <details>.
 */
export const CHANGELOG_LIST_UP_TO = 12;

/** What one changelog cell shows: every code, or a count whose list is folded. */
export function changelogCell(codes: string[]): { codes: string[]; folded: boolean; summary: string } {
  return { codes, folded: codes.length > CHANGELOG_LIST_UP_TO, summary: `${codes.length.toLocaleString('en-US')} codes` };
}

/** The contract's releases, newest first; empty when the lock has recorded no history yet. */
export function changelogOf(model: Pick<CatalogModel, 'codes'>): Release[] {
  const releases = contractChangelog(model.codes);
  return releases.some((r) => r.label !== undefined) ? releases : [];
}

export interface QuickNavGroup {
  id: string;
  anchor: string;
  title: string;
  count: number;
  /** Empty above LIST_CODES_UP_TO: the group then links to its filtered list. */
  codes: { code: string; statuses: number[]; lifecycle?: 'deprecated' | 'retired' }[];
}

export function quickNav(model: CatalogModel): QuickNavGroup[] {
  const every = listsEveryCode(model);
  return model.categories
    .filter((c) => c.codes.length > 0)
    .map((c) => ({
      id: c.id,
      anchor: categoryAnchor(c.id),
      title: c.title,
      count: c.codes.length,
      codes: every ? c.codes.map((code) => ({ code: code.code, statuses: code.statuses, lifecycle: code.lifecycle?.state })) : [],
    }));
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

/** Filter choices: every status and category that has at least one code, with counts. */
export function filterFacets(model: CatalogModel): { statuses: Facet[]; categories: Facet[]; total: number } {
  const statusCounts = new Map<number, number>();
  for (const c of model.codes) for (const s of c.statuses) statusCounts.set(s, (statusCounts.get(s) ?? 0) + 1);
  const statuses = [...statusCounts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, count]) => ({ value: String(s), label: statusText(s), count }));
  const categories = model.categories
    .filter((c) => c.codes.length > 0)
    .map((c) => ({ value: c.id, label: plainTitle(c.title), count: c.codes.length }));
  return { statuses, categories, total: model.codes.length };
}

const RETRY_WORDS: Record<Retry['when'], { label: string; verdict: string }> = {
  always: { label: 'Yes', verdict: 'Yes, retrying can succeed.' },
  never: { label: 'No', verdict: 'No, retrying fails the same way.' },
  'idempotent-only': { label: 'Yes, idempotent only', verdict: 'Yes, for idempotent calls only.' },
  conditional: { label: 'Conditional', verdict: 'Conditional: it depends.' },
};

/** The badge label ("Retryable: Yes, idempotent only") and the verdict of the Retry part. */
export function retryLabel(code: Pick<CodeEntry, 'retry'>): { label: string; verdict: string; kind: Retry['when'] } {
  return { ...RETRY_WORDS[code.retry.when], kind: code.retry.when };
}

/** The structured strategy as one line of inline Markdown, e.g. "Exponential backoff with jitter, at most 5 attempts, honouring `Retry-After`." */
export function retryPlan(retry: Retry): string | undefined {
  const parts: string[] = [];
  if (retry.strategy) parts.push(`${retry.strategy === 'linear-backoff' ? 'Linear' : 'Exponential'} backoff${retry.jitter ? ' with jitter' : ''}`);
  else if (retry.jitter) parts.push('Random jitter between attempts');
  if (retry.max_attempts) parts.push(`at most ${retry.max_attempts} attempt${retry.max_attempts === 1 ? '' : 's'}`);
  if (retry.honour_retry_after) parts.push(parts.length ? 'honouring `Retry-After`' : 'Wait as long as `Retry-After` says');
  if (!parts.length) return undefined;
  const text = parts.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** `4xx` / `5xx`, for badge colours. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

export function lifecycleLabel(code: Pick<CodeEntry, 'lifecycle'>): string | undefined {
  const l = code.lifecycle;
  if (!l) return undefined;
  return l.state === 'retired' ? `Retired since ${l.since}` : `Deprecated since ${l.since}`;
}

/** The codes as the client script needs them: names only (for "did you mean"). */
export function clientData(model: CatalogModel): { codes: string[]; pagePath: string } {
  return { codes: model.codes.map((c) => c.code), pagePath: model.pagePath };
}

/** Path of the page with a trailing slash, as links on the site use it. */
export function pageHref(model: Pick<CatalogModel, 'pagePath'>): string {
  return model.pagePath === '/' ? '/' : `${model.pagePath}/`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The site title (Starlight's `title`), from the catalog. */
export function siteTitle(model: Pick<CatalogModel, 'catalog'>): string {
  // Starlight puts the site title into `<title>` as raw HTML on every page (404 too):
  // angle brackets cannot survive there.
  return `${plainTitle(model.catalog.api).replace(/[<>]/g, '')} API`;
}

/**
 * Starlight writes the `<title>` element's content as raw HTML, so a catalog title such as
 * "`</title><script>`" would escape it. Give Starlight an escaped `<title>` instead, ending
 * in the site's title as on every other page: the host site's own, or the API's when the
 * plugin sets it (`siteTitle: true`).
 */
export function titleHead(pageTitle: string, site: string): { tag: 'title'; content: string }[] {
  const full = pageTitle === site ? pageTitle : `${pageTitle} | ${site}`;
  return [{ tag: 'title', content: escapeHtml(full) }];
}

/** The text of Starlight's `title` option (a string, or one per language: the default's). */
export function titleText(title: string | Record<string, string> | undefined, lang?: string): string | undefined {
  if (title === undefined || typeof title === 'string') return title;
  return (lang !== undefined ? title[lang] : undefined) ?? title.en ?? Object.values(title)[0];
}

// Model: the validated catalog as the renderers and exporters want it: codes grouped by
// category in page order, each with its statuses and docs_url, and the derived status
// summary. Built only from data that passed the check.
import type { ShippedHistory } from './lock.ts';
import type { CatalogFile, CodeFile } from './schema.ts';

export interface CodeEntry extends CodeFile {
  statuses: number[];
  docsUrl: string;
  /** Source file of the code, for diagnostics and "edit this code" links. */
  file: string;
  /** Present once the code is in the lock: the version and date it first shipped, and its lifecycle changes shipped since, when recorded. */
  shipped?: ShippedHistory;
}

export interface CategoryGroup {
  id: string;
  title: string;
  description?: string;
  codes: CodeEntry[];
}

export interface StatusRow {
  statuses: number[];
  meaning: string;
  codes: string[];
}

export interface CatalogModel {
  catalog: CatalogFile;
  /** Path of the errors page on the docs site, from docs_url, e.g. `/concepts/errors`. */
  pagePath: string;
  /** Origin of the docs site, e.g. `https://docs.amy.health`. */
  site: string;
  codes: CodeEntry[];
  categories: CategoryGroup[];
  statusSummary: StatusRow[];
  byCode: Map<string, CodeEntry>;
}

export function statusesOf(code: Pick<CodeFile, 'status'>): number[] {
  return Array.isArray(code.status) ? code.status : [code.status];
}

/** Headers the catalog says come with a code: its own, and Retry-After when its retry advice waits for it. */
export function expectedHeaders(code: CodeFile): string[] {
  const names = (code.headers ?? []).map((h) => h.name);
  const waits = code.retry.honour_retry_after === true || statusesOf(code).includes(429);
  if (waits && !names.some((n) => n.toLowerCase() === 'retry-after')) names.push('Retry-After');
  return names;
}

/** What a status list gained and lost: it is a set, so the same statuses in another order differ in nothing. */
export function statusDelta(before: number[], after: number[]): { added: number[]; removed: number[] } {
  return { added: after.filter((s) => !before.includes(s)), removed: before.filter((s) => !after.includes(s)) };
}

export function docsUrlFor(catalog: Pick<CatalogFile, 'docs_url'>, code: string): string {
  return `${catalog.docs_url.replace(/#.*$/, '')}#${code}`;
}

/** Codes within a category are ordered by HTTP status, then by name: no hand-kept order to drift. */
export function compareCodes(a: CodeEntry, b: CodeEntry): number {
  return a.statuses[0]! - b.statuses[0]! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function buildModel(catalog: CatalogFile, codeFiles: { data: CodeFile; file: string; shipped?: ShippedHistory }[]): CatalogModel {
  const url = new URL(catalog.docs_url);
  const codes: CodeEntry[] = codeFiles.map(({ data, file, shipped }) => ({
    ...data,
    statuses: statusesOf(data),
    docsUrl: docsUrlFor(catalog, data.code),
    file,
    ...(shipped ? { shipped } : {}),
  }));
  const categories: CategoryGroup[] = catalog.categories.map((c) => ({
    ...c,
    codes: codes.filter((code) => code.category === c.id).sort(compareCodes),
  }));
  const ordered = categories.flatMap((c) => c.codes);
  return {
    catalog,
    pagePath: url.pathname.replace(/\/+$/, '') || '/',
    site: url.origin,
    codes: ordered,
    categories,
    statusSummary: deriveStatusSummary(catalog, ordered),
    byCode: new Map(ordered.map((c) => [c.code, c])),
  };
}

/**
 * One row per status, listing its codes; statuses whose meaning and codes are identical
 * (upstream_unavailable's 502/503/504) share a row.
 */
export function deriveStatusSummary(catalog: CatalogFile, codes: CodeEntry[]): StatusRow[] {
  const all = new Set<number>(Object.keys(catalog.statuses).map(Number));
  for (const c of codes) for (const s of c.statuses) all.add(s);
  const rows: StatusRow[] = [];
  for (const status of [...all].sort((a, b) => a - b)) {
    const meaning = catalog.statuses[String(status)] ?? '';
    const list = codes.filter((c) => c.statuses.includes(status)).map((c) => c.code);
    const prev = rows.at(-1);
    if (prev && prev.meaning === meaning && prev.codes.join() === list.join() && list.length > 0) prev.statuses.push(status);
    else rows.push({ statuses: [status], meaning, codes: list });
  }
  return rows;
}

/** Ids of the page's own headings (never equal to a code), which catalog text may link to. */
export const FIXED_ANCHORS = {
  quickNav: 'quick-navigation',
  retry: 'retry-guidance',
  statusSummary: 'status-code-summary',
  codes: 'codes-by-category',
  changelog: 'error-contract-changelog',
  whereNext: 'where-next',
} as const;

export function pageAnchors(catalog: CatalogFile): string[] {
  return [
    ...Object.values(FIXED_ANCHORS),
    catalog.envelope.id,
    ...(catalog.shapes ?? []).map((s) => s.id),
    ...(catalog.sections ?? []).map((s) => s.id),
    ...catalog.categories.map((c) => categoryAnchor(c.id)),
  ];
}

/** Category headings get a prefix so a category can never take a code's id. */
export function categoryAnchor(id: string): string {
  return `category-${id}`;
}

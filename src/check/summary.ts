// A code file as the catalog-scope rules see it when `check --cache` has not read it
// (incremental.ts): the few fields they compare across files (code, anchor, category,
// statuses, lifecycle, related codes) and the texts whose links point at a `#fragment`
// (reference-resolves), at their paths in the data. About 200 bytes a code, where the file
// is about 1.5 KB. A catalog-scope rule that reads another field of a code needs it here:
// the random-edit test (tests/unit/cache-incremental.test.ts) compares every run with a
// full check.
import type { DataPath } from '../load/load.ts';
import type { ScannedText } from '../rules/shared/texts.ts';

export interface Summary {
  /** The file parsed (its data is not undefined). */
  parsed: boolean;
  /** Its `code` as written, when a string: the code's name even when the file breaks the schema. */
  code?: string;
  /** When it passed the schema: its data, kept to what the catalog-scope rules read. */
  data?: Record<string, unknown>;
}

const KEPT = ['code', 'anchor', 'category', 'status', 'lifecycle', 'related'];
/** Deepest a summary's data may be: a code file is at most 32 levels deep (LIMITS.depth), and keeps less. */
const MAX_DEPTH = 40;

/** The summary of a code file: `raw` as parsed, `valid` its data once it passed the schema, `texts` its scanned texts. */
export function summarize(raw: unknown, valid: Record<string, unknown> | undefined, texts: readonly ScannedText[]): Summary {
  if (raw === undefined) return { parsed: false };
  const code = (raw as { code?: unknown } | null)?.code;
  const summary: Summary = { parsed: true, ...(typeof code === 'string' ? { code } : {}) };
  if (!valid) return summary;
  const data: Record<string, unknown> = {};
  for (const k of KEPT) if (valid[k] !== undefined) data[k] = valid[k];
  for (const t of texts) if (t.links.some((l) => l.href.startsWith('#'))) setAt(data, t.path, t.text);
  return { ...summary, data };
}

/** Set `value` at `path`, making the containers on the way (arrays for index steps); kept fields are not written into. */
function setAt(root: Record<string, unknown>, path: DataPath, value: string): void {
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    let next = node[path[i]!];
    if (typeof next !== 'object' || next === null) next = node[path[i]!] = typeof path[i + 1] === 'number' ? [] : {};
    node = next as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (node[last] !== value) node[last] = value;
}

/**
 * Whether a stored summary is one `summarize` could have made, as far as the
 * catalog-scope rules rely on it: a damaged cache file must cost a full check, never a
 * crash inside a rule.
 */
export function isSummary(x: unknown): x is Summary {
  const s = x as Summary;
  if (typeof s !== 'object' || s === null || typeof s.parsed !== 'boolean') return false;
  if (s.code !== undefined && typeof s.code !== 'string') return false;
  if (s.data === undefined) return true;
  const d = s.data as { code?: unknown; related?: unknown; lifecycle?: unknown };
  if (!s.parsed || !isPlain(d) || typeof d.code !== 'string' || !shallow(d)) return false;
  if (d.related !== undefined && !(Array.isArray(d.related) && d.related.every((r) => isPlain(r) && typeof (r as { code?: unknown }).code === 'string'))) return false;
  const life = d.lifecycle as { replacement?: unknown } | undefined;
  return life === undefined || (isPlain(life) && (life.replacement === undefined || typeof life.replacement === 'string'));
}

function isPlain(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** No deeper than MAX_DEPTH: the rules walk it recursively. (This walk stops at the bound, so its own recursion is bounded too.) */
function shallow(v: unknown, depth = 0): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (depth >= MAX_DEPTH) return false;
  for (const k in v) if (!shallow((v as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
}

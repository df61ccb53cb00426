// The changelog of the error contract: which codes were added, deprecated and retired in
// which release. Added comes from the lock (the version and date each code shipped in);
// deprecated and retired from each code's `lifecycle.since`. Newest release first.
import type { CodeEntry } from './model.ts';

export interface Shipped {
  /** API version the code first shipped in, e.g. `v1.3`. */
  version?: string;
  /** Day it shipped, YYYY-MM-DD. */
  date?: string;
}

export interface Release {
  /** `v1.3`, a date, or undefined for codes shipped before the lock recorded when. */
  label: string | undefined;
  date?: string;
  added: string[];
  deprecated: string[];
  retired: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "since v1.3" / "since 2026-11-20": the version when known, else the date. */
export function sinceLabel(s: Shipped | undefined): string | undefined {
  return s?.version ?? s?.date;
}

/** Compare version labels part by part, numbers as numbers: v1.10 after v1.9. */
function compareVersions(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d) return d;
  }
  return 0;
}

export function contractChangelog(codes: Pick<CodeEntry, 'code' | 'shipped' | 'lifecycle'>[]): Release[] {
  const releases = new Map<string | undefined, Release>();
  const release = (label: string | undefined) => {
    let r = releases.get(label);
    if (!r) releases.set(label, (r = { label, ...(label && DATE.test(label) ? { date: label } : {}), added: [], deprecated: [], retired: [] }));
    return r;
  };
  for (const c of codes) {
    if (c.shipped) {
      const r = release(sinceLabel(c.shipped));
      r.added.push(c.code);
      // A version's date is the first day one of its codes shipped.
      if (c.shipped.date && (!r.date || c.shipped.date < r.date)) r.date = c.shipped.date;
    }
    if (c.lifecycle) release(c.lifecycle.since)[c.lifecycle.state].push(c.code);
  }
  const list = [...releases.values()];
  for (const r of list) for (const k of ['added', 'deprecated', 'retired'] as const) r[k].sort();
  // Newest first: releases named by version (by version), then those named by a date (by
  // date), then codes shipped before the lock recorded when.
  const rank = (r: Release) => (r.label === undefined ? 2 : DATE.test(r.label) ? 1 : 0);
  return list.sort((a, b) => rank(a) - rank(b) || (a.label && b.label ? (rank(a) === 0 ? compareVersions(b.label, a.label) : b.label.localeCompare(a.label)) : 0));
}

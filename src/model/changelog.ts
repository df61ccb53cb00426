// The changelog of the error contract: which codes were added, deprecated and retired in
// which release, one entry per release. All three come from the lock (the release each
// code, deprecation and retirement shipped in); a lifecycle change an older lock did not
// record comes from the code's `lifecycle.since`. Newest release first.
import type { Shipped } from './lock.ts';
import type { CodeEntry } from './model.ts';

export interface Release {
  /** `v1.3`, a date, or undefined for codes shipped before the lock recorded when. */
  label: string | undefined;
  date?: string;
  added: string[];
  deprecated: string[];
  retired: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Only the version and date of a history: where a code shipped, without what came after. */
export function shippedWhen(h: Shipped): Shipped {
  return { ...(h.version ? { version: h.version } : {}), ...(h.date ? { date: h.date } : {}) };
}

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
  const release = (label: string | undefined, date?: string) => {
    let r = releases.get(label);
    if (!r) releases.set(label, (r = { label, ...(label && DATE.test(label) ? { date: label } : {}), added: [], deprecated: [], retired: [] }));
    // A version's date is the first day something in it shipped.
    if (date && (!r.date || date < r.date)) r.date = date;
    return r;
  };
  for (const c of codes) {
    if (c.shipped) release(sinceLabel(c.shipped), c.shipped.date).added.push(c.code);
    for (const state of ['deprecated', 'retired'] as const) {
      const shipped = c.shipped?.[state];
      const authored = c.lifecycle?.state === state ? c.lifecycle.since : undefined;
      // Recorded when it shipped (an unknown time reads the code's own `since`), else as authored.
      if (shipped) release(sinceLabel(shipped) ?? authored, shipped.date)[state].push(c.code);
      else if (authored !== undefined) release(authored)[state].push(c.code);
    }
  }
  const list = [...releases.values()];
  for (const r of list) for (const k of ['added', 'deprecated', 'retired'] as const) r[k].sort();
  // Newest first: releases named by version (by version) and those named by a date (by
  // date), merged by date where the version's is known; then codes shipped before the lock
  // recorded when.
  const versions = list.filter((r) => r.label !== undefined && !DATE.test(r.label)).sort((a, b) => compareVersions(b.label!, a.label!));
  const days = list.filter((r) => r.label !== undefined && DATE.test(r.label)).sort((a, b) => b.label!.localeCompare(a.label!));
  const merged: Release[] = [];
  while (versions.length || days.length) {
    const v = versions[0];
    const d = days[0];
    merged.push(!v || (d && v.date && d.label! > v.date) ? days.shift()! : versions.shift()!);
  }
  return [...merged, ...list.filter((r) => r.label === undefined)];
}

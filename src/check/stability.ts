// Codes never change once shipped. The catalog's lock (shipped.yaml) records each shipped
// code's status and category; it is committed, so the promise is checked from the files
// alone, without git history (the shipped-* rules in src/rules/). `errcat ship` adds new
// codes to it, never silently.
import type { Diagnostic } from '../load/diagnostics.ts';
import { locate, type SourceFile } from '../load/load.ts';
import { statusesOf } from '../model/model.ts';
import { DAY, entrySchema, type Lock, type LockEntry } from '../model/lock.ts';
import { VERSION, type CodeFile } from '../model/schema.ts';
export { VERSION };
import lockFormat from '../rules/lock-format.ts';

export const LOCK_HEADER = `# Codes that have shipped, written by \`npm run catalog:ship\`. Do not edit by hand.
# A shipped code is never removed, renamed, or changed in status or category:
# mark it deprecated or retired (see \`lifecycle\`) and add a new code instead.
`;

export function readLock(file: SourceFile | undefined, out: Diagnostic[]): Lock | undefined {
  if (!file || file.data === undefined) return undefined;
  const malformed = (path: (string | number)[], message: string) => {
    out.push({
      file: file.path,
      ...locate(file, path),
      severity: lockFormat.severity,
      rule: lockFormat.id,
      message: `shipped.yaml is malformed: ${message}`,
      hint: 'restore it from version control; it is written by `npm run catalog:ship`',
    });
    return undefined;
  };
  const data = file.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return malformed([], 'expected a mapping of codes');
  const lock: Lock = new Map();
  for (const [code, value] of Object.entries(data)) {
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) return malformed([code, ...(parsed.error.issues[0]!.path as (string | number)[])], parsed.error.issues[0]!.message);
    lock.set(code, parsed.data);
  }
  return lock;
}

export interface ShipOptions {
  /** Ship only these codes (all unshipped codes when absent). */
  only?: string[];
  /** API version the codes ship in. */
  version?: string;
  /** Day they ship, YYYY-MM-DD. */
  date?: string;
  /**
   * Instead of shipping: record `version` and `date` on shipped codes whose entry has no
   * history yet, and each lifecycle the lock has not recorded at its own `since` (a lock
   * from before they were kept).
   */
  backfill?: boolean;
}

export interface Shipping {
  text: string;
  added: string[];
  backfilled: string[];
  /** Shipped codes whose deprecation or retirement ships in this release. */
  deprecated: string[];
  retired: string[];
}

type History = NonNullable<LockEntry['deprecated']>;

/** A lifecycle's own `since` as history: for lifecycle changes that shipped before the lock recorded them. */
function sinceHistory(since: string): History {
  return DAY.test(since) ? { date: since } : VERSION.test(since) ? { version: since } : {};
}

const scalar = (v: string) => (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(v) ? v : JSON.stringify(v));
const historyText = (h: History) => [h.version ? `version: ${scalar(h.version)}` : '', h.date ? `date: ${h.date}` : ''].filter(Boolean).join(', ');
const flow = (text: string) => (text ? `{ ${text} }` : '{}');

/** One line per code: shipping shows up in review as added or lengthened lines, nothing else. */
function lockLine(code: string, e: LockEntry): string {
  const history = historyText(e);
  const lifecycle = (['deprecated', 'retired'] as const).map((k) => (e[k] ? `, ${k}: ${flow(historyText(e[k]))}` : '')).join('');
  return `${scalar(code)}: { status: [${e.status.join(', ')}], category: ${scalar(e.category)}${history ? `, ${history}` : ''}${lifecycle} }`;
}

/** The lock after shipping codes: existing entries kept byte for byte, new ones added with when they shipped. */
export function shipLock(lock: Lock | undefined, codes: CodeFile[], options: ShipOptions = {}): Shipping {
  const next: Lock = new Map(lock);
  const added: string[] = [];
  const wanted = options.only && new Set(options.only);
  const history = { ...(options.version ? { version: options.version } : {}), ...(options.date ? { date: options.date } : {}) };
  for (const [code, e] of next) {
    if (options.backfill && !e.version && !e.date && (!wanted || wanted.has(code))) next.set(code, { ...e, ...history });
  }
  for (const c of codes) {
    if (options.backfill || next.has(c.code) || (wanted && !wanted.has(c.code))) continue;
    next.set(c.code, { status: statusesOf(c), category: c.category, ...history });
    added.push(c.code);
  }
  // A deprecation or retirement ships like a code: recorded with the release that ships it
  // (a backfill records the ones an older lock never recorded at their own `since`).
  const shipped = { deprecated: [] as string[], retired: [] as string[] };
  for (const c of codes) {
    const e = next.get(c.code);
    const state = c.lifecycle?.state;
    if (!e || !state || e[state] || (wanted && !wanted.has(c.code))) continue;
    next.set(c.code, { ...e, [state]: options.backfill ? sinceHistory(c.lifecycle!.since) : history });
    if (!options.backfill) shipped[state].push(c.code);
  }
  const backfilled = options.backfill ? [...next.keys()].filter((k) => lock?.has(k) && next.get(k) !== lock.get(k)).sort() : [];
  const lines = [...next.keys()].sort().map((code) => lockLine(code, next.get(code)!));
  return { text: `${LOCK_HEADER}${lines.join('\n')}\n`, added: added.sort(), backfilled, deprecated: shipped.deprecated.sort(), retired: shipped.retired.sort() };
}

// Review: what a change does to the catalog, code by code and field by field, compared
// with the catalog at a base revision. Also catches edits to the lock of shipped codes.
import type { Diagnostic } from '../load/diagnostics.ts';
import { join } from 'node:path';
import { displayPath, locate, locateLines, LOCK_FILE, type LoadedCatalog, type SourceFile } from '../load/load.ts';
import { statusDelta } from '../model/model.ts';
import { readLock } from '../check/stability.ts';
import type { Lock, LockEntry } from '../model/lock.ts';
import shippedLockEdited from '../rules/shipped-lock-edited.ts';
import { compareFields, fieldsOf, lineDiff, statusWords, type FieldChange } from './fields.ts';
import { detectRenames, renameDiagnostics, type Rename } from './rename.ts';

export interface CodeChange {
  code: string;
  kind: 'added' | 'changed' | 'removed';
  /** HTTP status(es) in words, e.g. `502, 503, 504`. */
  status: string;
  category: string;
  /** changed: what changed; added: every field as a reader sees it; removed: every field that was lost. */
  fields: FieldChange[];
  /** Where to point a reviewer: the head file (the base file for removals, which GitHub cannot annotate). */
  file: string;
  /** First and last changed line of the file (head side), for annotations. */
  line: number;
  endLine: number;
  /** Set on both codes of a likely rename. */
  rename?: Rename;
  /** On the new code of a likely rename: what changed from the old code, field by field (the review shows the rename once, as this diff). */
  renamedFields?: FieldChange[];
}

export interface Review {
  base: string;
  added: CodeChange[];
  changed: CodeChange[];
  removed: CodeChange[];
  /** Removed codes that are the same entry as an added one (similar content), with how sure. */
  renames: Rename[];
  /** Page-level fields of catalog.yaml that changed. */
  page: FieldChange[];
  /** Catalog files the change touched, each with its changed line ranges on the head side ([] when deleted). */
  files: Record<string, [number, number][]>;
  /** Path of the head's lock, where a removed code's notice goes when the change edited it. */
  lock: string;
}

type Data = Record<string, unknown>;

function codesOf(loaded: LoadedCatalog): Map<string, { data: Data; file: SourceFile }> {
  const out = new Map<string, { data: Data; file: SourceFile }>();
  for (const file of loaded.codes) {
    const data = file.data as Data | undefined;
    if (data && typeof data === 'object' && typeof data.code === 'string') out.set(data.code, { data, file });
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A code with its statuses as a set: the same statuses in another order are the same contract. */
const asSet = (d: Data): Data => ({ ...d, status: [d.status].flat().map(String).sort() });
const sameStatuses = (a: number[], b: number[]) => Object.values(statusDelta(a, b)).every((d) => !d.length);

/** Head-side line ranges that differ from the base text; a pure deletion marks the line after it. */
export function changedLines(before: string, after: string): [number, number][] {
  const out: [number, number][] = [];
  let line = 1;
  for (const part of lineDiff(before, after)) {
    const n = part.value.split('\n').length - (part.value.endsWith('\n') ? 1 : 0);
    if (part.added) out.push([line, line + n - 1]);
    else if (part.removed) out.push([line, line]);
    if (!part.removed) line += n;
  }
  // Merge touching ranges ("removed then added" is one edit).
  return out.reduce<[number, number][]>((acc, r) => {
    const last = acc.at(-1);
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else acc.push([...r]);
    return acc;
  }, []);
}

/** The lines of a field that changed (from the file's changed ranges), or its first line when none is inside it. */
export function changedSpan(field: { line: number; endLine: number }, ranges: [number, number][]): { line: number; endLine?: number } {
  const inside = ranges.filter(([a, b]) => a <= field.endLine && b >= field.line);
  if (!inside.length) return { line: field.line };
  const line = Math.max(inside[0]![0], field.line);
  const endLine = Math.min(inside.at(-1)![1], field.endLine);
  return endLine > line ? { line, endLine } : { line };
}

function changedFiles(base: LoadedCatalog, head: LoadedCatalog): Review['files'] {
  const all = (l: LoadedCatalog) => [l.catalog, ...l.codes, l.lock].filter((f): f is SourceFile => !!f);
  const was = new Map(all(base).map((f) => [f.path, f.text]));
  const files: Review['files'] = Object.create(null);
  for (const f of all(head)) {
    const old = was.get(f.path);
    was.delete(f.path);
    if (old !== f.text) files[f.path] = changedLines(old ?? '', f.text);
  }
  for (const path of was.keys()) files[path] = [];
  return files;
}

const whole = (fields: ReturnType<typeof fieldsOf>, side: 'before' | 'after'): FieldChange[] =>
  fields.map((f) => ({ field: f.label, path: f.path, kind: f.kind, [side]: f.value, diff: [{ value: f.value, [side === 'after' ? 'added' : 'removed']: true }] }));

export function reviewCatalog(base: LoadedCatalog, head: LoadedCatalog, baseRef: string): Review {
  const was = codesOf(base);
  const now = codesOf(head);
  const files = changedFiles(base, head);
  const review: Review = { base: baseRef, added: [], changed: [], removed: [], renames: [], page: [], files, lock: displayPath(join(head.dir, LOCK_FILE)) };
  const entry = (code: string, kind: CodeChange['kind'], data: Data, file: SourceFile, fields: FieldChange[]): CodeChange => {
    const lines = files[file.path] ?? [];
    return {
      code, kind, status: statusWords(data.status), category: String(data.category ?? '?'), fields, file: file.path,
      line: lines[0]?.[0] ?? 1, endLine: lines.at(-1)?.[1] ?? 1,
    };
  };
  for (const [code, { data, file }] of now) {
    const old = was.get(code);
    if (!old) review.added.push(entry(code, 'added', data, file, whole(fieldsOf(data), 'after')));
    else if (!same(asSet(old.data), asSet(data))) {
      const fields = compareFields(old.data, data);
      for (const f of fields) if (f.after !== undefined) Object.assign(f, changedSpan(locateLines(file, f.path), files[file.path] ?? []));
      review.changed.push(entry(code, 'changed', data, file, fields));
    }
  }
  for (const [code, { data, file }] of was) {
    if (!now.has(code)) review.removed.push(entry(code, 'removed', data, file, whole(fieldsOf(data), 'before')));
  }
  review.renames = detectRenames(new Map(review.removed.map((c) => [c.code, was.get(c.code)!.data])), new Map(review.added.map((c) => [c.code, now.get(c.code)!.data])));
  for (const r of review.renames) {
    for (const c of [...review.removed, ...review.added]) if (c.code === r.from || c.code === r.to) c.rename = r;
    review.added.find((c) => c.code === r.to)!.renamedFields = compareFields(was.get(r.from)!.data, now.get(r.to)!.data);
  }
  if (base.catalog?.data && head.catalog?.data) review.page = compareFields(base.catalog.data as Data, head.catalog.data as Data);
  for (const list of [review.added, review.changed, review.removed]) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  return review;
}

/** ", deprecated in v1.4 (2026-12-05)": the lifecycle changes a lock entry recorded. */
const lifecycleWas = (e: LockEntry) =>
  (['deprecated', 'retired'] as const).map((k) => (e[k] ? `, ${k} in ${[e[k].version, e[k].date && `(${e[k].date})`].filter(Boolean).join(' ') || 'an earlier release'}` : '')).join('');

/** Entries of the base lock that the change removed or altered: the lock only grows. */
export function lockEdits(baseLock: Lock | undefined, headLock: Lock | undefined, head: LoadedCatalog): Diagnostic[] {
  if (!baseLock) return [];
  const file = head.lock;
  const out: Diagnostic[] = [];
  for (const [code, entry] of baseLock) {
    const now = headLock?.get(code);
    // History may be filled in where an old lock had none; anything else is an edit.
    const kept = (k: 'version' | 'date' | 'deprecated' | 'retired') => entry[k] === undefined || same(entry[k], now?.[k]);
    if (now && sameStatuses(now.status, entry.status) && now.category === entry.category && (['version', 'date', 'deprecated', 'retired'] as const).every(kept)) continue;
    out.push({
      file: file?.path ?? `${head.dir}/shipped.yaml`,
      ...(file && now ? locate(file, [code], 'key') : { line: 1, col: 1 }),
      severity: shippedLockEdited.severity,
      rule: shippedLockEdited.id,
      message: now
        ? `the lock entry of shipped code "${code}" was changed (was status ${entry.status.join(', ')}, category ${entry.category}${entry.version ? `, version ${entry.version}` : ''}${entry.date ? `, date ${entry.date}` : ''}${lifecycleWas(entry)})`
        : `shipped code "${code}" was removed from the lock`,
      hint: 'restore the entry: the lock only grows, through `npm run catalog:ship`',
    });
  }
  return out;
}

/**
 * The review of `head` against `base`, and the check's diagnostics completed with what only
 * a base can tell: edits to the lock, and a removed shipped code that was renamed.
 */
export function reviewAgainst(base: LoadedCatalog, head: LoadedCatalog, baseRef: string, diagnostics: Diagnostic[]): { review: Review; diagnostics: Diagnostic[] } {
  const review = reviewCatalog(base, head, baseRef);
  const all = [...diagnostics, ...lockEdits(readLock(base.lock, []), readLock(head.lock, []), head)];
  return { review, diagnostics: renameDiagnostics(all, review.renames) };
}

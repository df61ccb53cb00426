// Review: what a change does to the catalog, code by code and field by field, compared
// with the catalog at a base revision. Also catches edits to the lock of shipped codes.
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { locate, type LoadedCatalog, type SourceFile } from '../catalog/load.ts';
import type { Lock } from '../catalog/stability.ts';
import shippedLockEdited from '../rules/shipped-lock-edited.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface CodeChange {
  code: string;
  kind: 'added' | 'changed' | 'removed';
  status: unknown;
  fields: FieldChange[];
  /** Where to point a reviewer: the head file (or the base file for removals). */
  file: string;
  line: number;
}

export interface Review {
  base: string;
  added: CodeChange[];
  changed: CodeChange[];
  removed: CodeChange[];
  /** Page-level fields of catalog.yaml that changed. */
  page: FieldChange[];
}

type Data = Record<string, unknown>;

function codesOf(loaded: LoadedCatalog): Map<string, { data: Data; file: SourceFile }> {
  const out = new Map<string, { data: Data; file: SourceFile }>();
  for (const file of loaded.codes) {
    const data = file.data as Data | undefined;
    if (data && typeof data.code === 'string') out.set(data.code, { data, file });
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldChanges(before: Data, after: Data): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  // Own fields only: a field named like an Object.prototype member is still just data.
  const at = (d: Data, k: string) => (Object.hasOwn(d, k) ? d[k] : undefined);
  return keys.filter((k) => !same(at(before, k), at(after, k))).map((field) => ({ field, before: at(before, field), after: at(after, field) }));
}

export function reviewCatalog(base: LoadedCatalog, head: LoadedCatalog, baseRef: string): Review {
  const was = codesOf(base);
  const now = codesOf(head);
  const review: Review = { base: baseRef, added: [], changed: [], removed: [], page: [] };
  for (const [code, { data, file }] of now) {
    const old = was.get(code);
    if (!old) {
      review.added.push({ code, kind: 'added', status: data.status, fields: [], file: file.path, line: locate(file, ['code']).line });
      continue;
    }
    const fields = fieldChanges(old.data, data);
    if (fields.length) {
      review.changed.push({ code, kind: 'changed', status: data.status, fields, file: file.path, line: locate(file, [fields[0]!.field]).line });
    }
  }
  for (const [code, { data, file }] of was) {
    if (!now.has(code)) review.removed.push({ code, kind: 'removed', status: data.status, fields: [], file: file.path, line: 1 });
  }
  if (base.catalog?.data && head.catalog?.data) review.page = fieldChanges(base.catalog.data as Data, head.catalog.data as Data);
  for (const list of [review.added, review.changed, review.removed]) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  return review;
}

/** Entries of the base lock that the change removed or altered: the lock only grows. */
export function lockEdits(baseLock: Lock | undefined, headLock: Lock | undefined, head: LoadedCatalog): Diagnostic[] {
  if (!baseLock) return [];
  const file = head.lock;
  const out: Diagnostic[] = [];
  for (const [code, entry] of baseLock) {
    const now = headLock?.get(code);
    if (now && same(now, entry)) continue;
    out.push({
      file: file?.path ?? `${head.dir}/shipped.yaml`,
      ...(file && now ? locate(file, [code], 'key') : { line: 1, col: 1 }),
      severity: shippedLockEdited.severity,
      rule: shippedLockEdited.id,
      message: now
        ? `the lock entry of shipped code "${code}" was changed (was status ${entry.status.join(', ')}, category ${entry.category})`
        : `shipped code "${code}" was removed from the lock`,
      hint: 'restore the entry: the lock only grows, through `npm run catalog:ship`',
    });
  }
  return out;
}

// Codes never change once shipped. The catalog's lock (shipped.yaml) records each shipped
// code's status and category; it is committed, so the promise is checked from the files
// alone, without git history (the shipped-* rules in src/rules/). `errcat ship` adds new
// codes to it, never silently.
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { locate, type SourceFile } from './load.ts';
import { statusesOf } from './model.ts';
import type { CodeFile } from './schema.ts';
import lockFormat from '../rules/lock-format.ts';

const entrySchema = z.strictObject({ status: z.array(z.number().int()).min(1), category: z.string() });
export type LockEntry = z.output<typeof entrySchema>;
/**
 * A Map, never a plain object: a code named `constructor`, `toString` or `__proto__` must
 * be an entry like any other (`in` and `obj[code]` would find Object.prototype's members,
 * and zod's record drops a `__proto__` key).
 */
export type Lock = Map<string, LockEntry>;

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

/** The lock after shipping every current code: existing entries kept as they are, new ones added. */
export function shipLock(lock: Lock | undefined, codes: CodeFile[]): { text: string; added: string[] } {
  const next: Lock = new Map(lock);
  const added: string[] = [];
  for (const c of codes) {
    if (next.has(c.code)) continue;
    next.set(c.code, { status: statusesOf(c), category: c.category });
    added.push(c.code);
  }
  // One line per code, sorted: shipping shows up in review as added lines, nothing else.
  const scalar = (v: string) => (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(v) ? v : JSON.stringify(v));
  const lines = [...next.keys()]
    .sort()
    .map((code) => `${scalar(code)}: { status: [${next.get(code)!.status.join(', ')}], category: ${scalar(next.get(code)!.category)} }`);
  return { text: `${LOCK_HEADER}${lines.join('\n')}\n`, added: added.sort() };
}

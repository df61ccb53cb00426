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

const lockSchema = z.record(
  z.string(),
  z.strictObject({ status: z.array(z.number().int()).min(1), category: z.string() }),
);
export type Lock = z.output<typeof lockSchema>;

export const LOCK_HEADER = `# Codes that have shipped, written by \`npm run catalog:ship\`. Do not edit by hand.
# A shipped code is never removed, renamed, or changed in status or category:
# mark it deprecated or retired (see \`lifecycle\`) and add a new code instead.
`;

export function readLock(file: SourceFile | undefined, out: Diagnostic[]): Lock | undefined {
  if (!file || file.data === undefined) return undefined;
  const parsed = lockSchema.safeParse(file.data ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  out.push({
    file: file.path,
    ...locate(file, issue.path as (string | number)[]),
    severity: lockFormat.severity,
    rule: lockFormat.id,
    message: `shipped.yaml is malformed: ${issue.message}`,
    hint: 'restore it from version control; it is written by `npm run catalog:ship`',
  });
  return undefined;
}

/** The lock after shipping every current code: existing entries kept as they are, new ones added. */
export function shipLock(lock: Lock | undefined, codes: CodeFile[]): { text: string; added: string[] } {
  const next: Lock = { ...(lock ?? {}) };
  const added: string[] = [];
  for (const c of codes) {
    if (c.code in next) continue;
    next[c.code] = { status: statusesOf(c), category: c.category };
    added.push(c.code);
  }
  // One line per code, sorted: shipping shows up in review as added lines, nothing else.
  const scalar = (v: string) => (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(v) ? v : JSON.stringify(v));
  const lines = Object.keys(next)
    .sort()
    .map((code) => `${scalar(code)}: { status: [${next[code]!.status.join(', ')}], category: ${scalar(next[code]!.category)} }`);
  return { text: `${LOCK_HEADER}${lines.join('\n')}\n`, added: added.sort() };
}

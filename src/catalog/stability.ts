// Codes never change once shipped. The catalog's lock (shipped.yaml) records each shipped
// code's status and category; it is committed, so the promise is checked from the files
// alone, without git history. `errcat ship` adds new codes to it, never silently.
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { locate, type SourceFile } from './load.ts';
import { statusesOf } from './model.ts';
import type { CodeFile } from './schema.ts';

const lockSchema = z.record(
  z.string(),
  z.strictObject({ status: z.array(z.number().int()).min(1), category: z.string() }),
);
export type Lock = z.output<typeof lockSchema>;

export const LOCK_HEADER = `# Codes that have shipped, written by \`npm run catalog:ship\`. Do not edit by hand.
# A shipped code is never removed, renamed, or changed in status or category:
# mark it deprecated or retired (see \`lifecycle\`) and add a new code instead.
`;

type Report = (file: SourceFile, at: { line: number; col: number }, rule: string, message: string, hint?: string) => void;

export function readLock(file: SourceFile | undefined, out: Diagnostic[]): Lock | undefined {
  if (!file || file.data === undefined) return undefined;
  const parsed = lockSchema.safeParse(file.data ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  out.push({
    file: file.path,
    ...locate(file, issue.path as (string | number)[]),
    severity: 'error',
    rule: 'lock-format',
    message: `shipped.yaml is malformed: ${issue.message}`,
    hint: 'restore it from version control; it is written by `npm run catalog:ship`',
  });
  return undefined;
}

const DEPRECATE_HINT = (code: string) =>
  `shipped codes stay forever: restore codes/${code}.yaml and mark it \`lifecycle: { state: deprecated, since: <date>, replacement: <new code> }\` (or \`retired\`)`;

export function stabilityRules(
  lockFile: SourceFile | undefined,
  lock: Lock | undefined,
  codes: { data: CodeFile; file: SourceFile }[],
  /** Every code with a file, valid or not: an invalid file is reported elsewhere, not as removed. */
  present: Set<string>,
  report: Report,
): void {
  if (!lockFile || !lock) return;
  const byCode = new Map(codes.map((c) => [c.data.code, c]));
  const unshipped = codes.filter((c) => !(c.data.code in lock));
  for (const [code, shipped] of Object.entries(lock)) {
    const current = byCode.get(code);
    if (!current && present.has(code)) continue;
    if (!current) {
      const twin = unshipped.find(
        (c) => c.data.category === shipped.category && statusesOf(c.data).join() === shipped.status.join(),
      );
      report(lockFile, locate(lockFile, [code], 'key'), twin ? 'shipped-code-renamed' : 'shipped-code-removed',
        twin ? `shipped code "${code}" is gone and "${twin.data.code}" looks like its new name`
          : `shipped code "${code}" was removed`,
        twin ? `codes are never renamed: keep "${code}" (deprecated, replacement: ${twin.data.code}) beside the new code`
          : DEPRECATE_HINT(code));
      continue;
    }
    const { data, file } = current;
    const now = statusesOf(data);
    if (now.join() !== shipped.status.join()) {
      report(file, locate(file, ['status']), 'shipped-status-changed',
        `status of shipped code "${code}" changed from ${shipped.status.join(', ')} to ${now.join(', ')}`,
        `clients branch on the status: keep ${shipped.status.join(', ')}, and add a new code for the new behaviour (deprecating this one if needed)`);
    }
    if (data.category !== shipped.category) {
      report(file, locate(file, ['category']), 'shipped-category-changed',
        `category of shipped code "${code}" changed from ${shipped.category} to ${data.category}`,
        `keep category "${shipped.category}"; SDKs map categories to error classes`);
    }
  }
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

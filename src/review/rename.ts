// Was a removed code renamed to an added one? Only when the two entries say the same
// thing: the share of words they have in common (names aside) decides, never the name or
// the status alone. Below the threshold the review says nothing about a rename.
import { diffArrays } from 'diff';
import type { Diagnostic } from '../load/diagnostics.ts';
import shippedCodeRenamed from '../rules/shipped-code-renamed.ts';
import { fieldsOf } from './fields.ts';

type Data = Record<string, unknown>;

export interface Rename {
  from: string;
  to: string;
  /** Share of the two entries' words in common, 0..1 (Dice coefficient over the longest common subsequence). */
  similarity: number;
  confidence: 'almost certain' | 'likely';
}

/** Below this share of common words two entries are different codes. */
export const RENAME_THRESHOLD = 0.8;
const CERTAIN = 0.95;
// Bounded work: a code's first words suffice to recognise it; huge entries are cut here only.
const MAX_TOKENS = 3000;
const MAX_PAIRS = 2500;

/** The words of an entry, with its own name replaced so that a rename does not count as a difference. */
function words(data: Data, name: string): string[] {
  const text = fieldsOf(data).map((f) => f.value).join(' ');
  return text.split(name).join('\u0000code\u0000').toLowerCase().match(/[\p{L}\p{N}\u0000_]+|[^\s\p{L}\p{N}]/gu)?.slice(0, MAX_TOKENS) ?? [];
}

export function similarity(a: string[], b: string[]): number {
  if (!a.length && !b.length) return 1;
  const d = diffArrays(a, b, { maxEditLength: a.length + b.length });
  const common = d ? d.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.count!, 0) : 0;
  return (2 * common) / (a.length + b.length);
}

/**
 * Pairs of removed and added codes that are the same entry, best matches first, each code
 * in one pair at most. Only codes of the same category are compared (a shipped code's
 * category never changes), and at most MAX_PAIRS pairs.
 */
export function detectRenames(removed: Map<string, Data>, added: Map<string, Data>): Rename[] {
  const pairs: Rename[] = [];
  const addedWords = new Map<string, string[]>();
  let budget = MAX_PAIRS;
  for (const [from, old] of removed) {
    const was = words(old, from);
    for (const [to, data] of added) {
      if (old.category !== data.category || budget-- <= 0) continue;
      if (!addedWords.has(to)) addedWords.set(to, words(data, to));
      const s = similarity(was, addedWords.get(to)!);
      if (s >= RENAME_THRESHOLD) pairs.push({ from, to, similarity: Math.round(s * 100) / 100, confidence: s >= CERTAIN ? 'almost certain' : 'likely' });
    }
  }
  pairs.sort((a, b) => b.similarity - a.similarity || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const taken = new Set<string>();
  return pairs.filter((p) => !taken.has(p.from) && !taken.has(p.to) && taken.add(p.from) && taken.add(p.to));
}

/** With a base to compare contents, a removed shipped code that is clearly another's old name is reported as renamed. */
export function renameDiagnostics(diagnostics: Diagnostic[], renames: Rename[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const r = d.rule === 'shipped-code-removed' ? renames.find((x) => d.message === `shipped code "${x.from}" was removed`) : undefined;
    if (!r) return d;
    return {
      ...d,
      rule: shippedCodeRenamed.id,
      severity: shippedCodeRenamed.severity,
      message: `shipped code "${r.from}" is gone and "${r.to}" looks like its new name (${Math.round(r.similarity * 100)}% of the content is the same: ${r.confidence})`,
      hint: `codes are never renamed: keep "${r.from}" (deprecated, replacement: ${r.to}) beside the new code`,
    };
  });
}

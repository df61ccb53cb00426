// Shipped codes that have no file any more (shipped-code-removed; whether one was renamed
// takes its old content, which only the review against a base has: src/review/rename.ts),
// and the shipped codes that still have one (the status and category rules).
import type { RuleContext } from '../context.ts';

export function lostCodes(ctx: RuleContext): string[] {
  const { lock } = ctx;
  if (!ctx.loaded.lock || !lock) return [];
  // A code whose file is invalid is reported by other rules, not as removed.
  return [...lock.keys()].filter((code) => !ctx.codeNames.has(code));
}

/** The shipped codes that still have a valid file, with their lock entry. */
export function keptCodes(ctx: RuleContext) {
  const { lock } = ctx;
  if (!ctx.loaded.lock || !lock) return [];
  const byCode = new Map(ctx.codes.map((c) => [c.data.code, c]));
  return [...lock].flatMap(([code, shipped]) => {
    const c = byCode.get(code);
    return c ? [{ ...c, shipped }] : [];
  });
}

// Shipped codes that have no file any more, each with the unshipped code that looks like
// its new name (same status and category), if any. Shared by shipped-code-removed and
// shipped-code-renamed.
import { statusesOf } from '../../catalog/model.ts';
import type { RuleContext, ValidCode } from '../context.ts';

export interface LostCode {
  code: string;
  twin: ValidCode | undefined;
}

export function lostCodes(ctx: RuleContext): LostCode[] {
  const { lock } = ctx;
  if (!ctx.loaded.lock || !lock) return [];
  const unshipped = ctx.codes.filter((c) => !lock.has(c.data.code));
  const out: LostCode[] = [];
  for (const [code, shipped] of lock) {
    // A code whose file is invalid is reported by other rules, not as removed.
    if (ctx.codeNames.has(code)) continue;
    const twin = unshipped.find((c) => c.data.category === shipped.category && statusesOf(c.data).join() === shipped.status.join());
    out.push({ code, twin });
  }
  return out;
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

// A diagnostic names the file, line and column of a problem, the rule that found it and
// a hint to fix it. Every consumer (CLI, build, review) prints the same records through
// the reporters (src/reporters/).
import type { RuleId } from '../rules/index.ts';

export type Severity = 'error' | 'warning';

/**
 * Diagnostics that come from no catalog rule, so no catalog can trigger or configure them:
 * the check's own failure (a bug: exit 2, src/check/check.ts) and the build's
 * verification of the built site (src/build/verify.ts).
 */
export const INTERNAL_ERROR = 'internal-error';
export const SITE_CONTRACT = 'site-contract';
export type OutsideRuleId = typeof INTERNAL_ERROR | typeof SITE_CONTRACT;

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  rule: RuleId | OutsideRuleId;
  message: string;
  hint?: string;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

export function hasErrors(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

// A diagnostic names the file, line and column of a problem, the rule that found it and
// a hint to fix it. Every consumer (CLI, build, review) prints the same records through
// the reporters (src/reporters/).

/**
 * Most severe first. Only an error fails the check (exit 1, no site); a warning is a
 * problem worth fixing; an info says what the check could not do (a code built at run
 * time), so nothing is hidden, and never fails anything.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Diagnostics that come from no catalog rule, so no catalog can trigger or configure them:
 * the check's own failure (a bug: exit 2, src/check/check.ts) and the build's
 * verification of the built site (src/build/verify.ts).
 */
export const INTERNAL_ERROR = 'internal-error';
export const SITE_CONTRACT = 'site-contract';
export type OutsideRuleId = typeof INTERNAL_ERROR | typeof SITE_CONTRACT;

/**
 * The registry of catalog rules, as far as a diagnostic needs it: the union of their ids.
 * Diagnostics sit below the rules, so the registry (src/rules/index.ts) fills this in by
 * declaration merging instead of being imported; a diagnostic naming no rule fails tsc.
 */
export interface RuleRegistry {}

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  rule: RuleRegistry[keyof RuleRegistry] | OutsideRuleId;
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

/** How many diagnostics of each severity. */
export function severityCounts(list: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

// A diagnostic names the file, line and column of a problem, the rule that found it and
// a hint to fix it. Every consumer (CLI, build, review) prints the same records through
// the reporters (src/reporters/).
import type { RuleId } from '../rules/index.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  rule: RuleId;
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

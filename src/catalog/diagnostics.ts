// A diagnostic names the file, line and column of a problem, the rule that found it and
// a hint to fix it. Every consumer (CLI, build, review) prints the same records.
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

/** `path:line:col  severity  rule-id  message  hint: ...` */
export function formatText(list: Diagnostic[]): string {
  return list
    .map((d) => `${d.file}:${d.line}:${d.col}  ${d.severity}  ${d.rule}  ${d.message}${d.hint ? `  hint: ${d.hint}` : ''}`)
    .join('\n');
}

export function summaryLine(list: Diagnostic[], codeCount: number): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length === 0) return `catalog clean: ${codeCount} codes checked`;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${codeCount} codes`;
}

/** GitHub Actions workflow commands: one annotation per diagnostic. */
export function formatGithub(list: Diagnostic[]): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return list
    .map(
      (d) =>
        `::${d.severity} file=${prop(d.file)},line=${d.line},col=${d.col},title=${prop(d.rule)}::${esc(
          d.message + (d.hint ? ` (hint: ${d.hint})` : ''),
        )}`,
    )
    .join('\n');
}

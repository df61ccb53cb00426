// Lists of diagnostics in Markdown, bounded, as both Markdown reports write them: the
// check's (markdown.ts) and the review's (src/review/report.ts, which markdown.ts calls).
import { SEVERITIES, type Diagnostic } from '../load/diagnostics.ts';
import { rulePageUrl } from '../rules/docs.ts';
import { tally } from './counts.ts';
import { markdownCode, markdownLink } from './escape.ts';

/** One list item per diagnostic, the rule linked to its page. */
export function markdownDiagnostics(list: Diagnostic[]): string {
  return list
    .map((d) => {
      const rule = markdownLink(markdownCode(d.rule), rulePageUrl(d.rule));
      const hint = d.hint ? ` — hint: ${markdownCode(d.hint)}` : '';
      return `- ${markdownCode(`${d.file}:${d.line}:${d.col}`)} **${d.severity}** ${rule}: ${markdownCode(d.message)}${hint}`;
    })
    .join('\n');
}

/** How many leading items of `lengths` fit in `budget` characters. */
export function fitting(lengths: number[], budget: number): number {
  let n = 0;
  for (const len of lengths) {
    if (len > budget) break;
    budget -= len;
    n++;
  }
  return n;
}

/** Errors before warnings before info; within a severity the check's own order (the sort is stable). */
export function bySeverity(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** "1,412 more warnings": what a bounded report leaves out, counted. */
export const more = (n: number, word: string) => `${n.toLocaleString('en')} more ${word}${n === 1 ? '' : 's'}`;

/** "- …and 3 more errors and 1,412 more warnings: see the full report." */
export function moreDiagnostics(left: Diagnostic[]): string {
  return `- …and ${tally(left, { more: true })}: see the full report.`;
}

// Markdown for a pull-request comment or a job summary. Every catalog-derived string is
// an inline code span (markdownCode), so it can carry no HTML, link, image or @mention.
import type { Diagnostic } from '../load/diagnostics.ts';
import { formatReviewMarkdown } from '../review/report.ts';
import { rulePageUrl } from '../rules/docs.ts';
import { markdownCode, markdownLink } from './escape.ts';
import { summaryLine, type Reporter } from './reporter.ts';
import type { OpenapiChanges } from '../bridges/openapi-review.ts';

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

const SEVERITY_ORDER: Record<Diagnostic['severity'], number> = { error: 0, warning: 1 };

/** Errors before warnings; within a severity the check's own order (the sort is stable). */
export function bySeverity(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** "1,412 more warnings": what a bounded report leaves out, counted. */
export const more = (n: number, word: string) => `${n.toLocaleString('en')} more ${word}${n === 1 ? '' : 's'}`;

/** "- …and 3 more errors and 1,412 more warnings: see the full report." */
export function moreDiagnostics(left: Diagnostic[]): string {
  const errors = left.filter((d) => d.severity === 'error').length;
  const counts = [errors && more(errors, 'error'), left.length - errors && more(left.length - errors, 'warning')];
  return `- …and ${counts.filter(Boolean).join(' and ')}: see the full report.`;
}

/** The list within `max` characters: errors first, the rest counted. */
function diagnosticsWithin(list: Diagnostic[], max: number): string {
  const all = markdownDiagnostics(list);
  if (all.length <= max) return all;
  const sorted = bySeverity(list);
  const n = fitting(sorted.map((d) => markdownDiagnostics([d]).length + 1), max - moreDiagnostics(sorted).length);
  const out = [markdownDiagnostics(sorted.slice(0, n)), moreDiagnostics(sorted.slice(n))].filter(Boolean).join('\n');
  return out.length <= max ? out : '';
}

export const markdown: Reporter = {
  format({ diagnostics, codeCount, docsUrl, review, links, openapi }) {
    if (review) {
      // --max-chars bounds the whole output: the OpenAPI list takes at most a quarter of it.
      const max = links?.maxChars;
      const tail = openapi ? openapiMarkdown(openapi, max && Math.floor(max / 4)) : '';
      return formatReviewMarkdown(review, diagnostics, { ...links, docsUrl: links?.docsUrl ?? docsUrl, maxChars: max && max - tail.length }) + tail;
    }
    const head = `### Error catalog check\n\n${summaryLine(diagnostics, codeCount)}\n`;
    if (!diagnostics.length) return head;
    // --max-chars bounds this report too; past a bound too small for the summary, the summary is cut.
    const room = (links?.maxChars ?? Infinity) - head.length - 2;
    if (room < 0) return head.slice(0, links!.maxChars);
    return `${head}\n${diagnosticsWithin(diagnostics, room)}\n`;
  },
};

/** The OpenAPI side of a review: every name from the document is code, escaped; within `max` characters when given. */
function openapiMarkdown(c: OpenapiChanges, max?: number): string {
  const head = `\n**OpenAPI** ${markdownCode(c.document)} against ${markdownCode(c.base)}`;
  if (!c.added.length && !c.removed.length) return max !== undefined && head.length + 16 > max ? '' : `${head}: the same codes.\n`;
  const items = [...c.added.map((d) => `- ➕ ${markdownCode(d)}`), ...c.removed.map((d) => `- ➖ ${markdownCode(d)}`)];
  if (max === undefined) return `${head}:\n\n${items.join('\n')}\n`;
  const more = (n: number) => `\n- …and ${n.toLocaleString('en')} more: see the full report.`;
  const budget = max - head.length - 4 - more(items.length).length;
  if (budget < 0) return '';
  const n = fitting(items.map((i) => i.length + 1), budget);
  return `${head}:\n\n${items.slice(0, n).join('\n')}${n < items.length ? more(items.length - n) : ''}\n`;
}

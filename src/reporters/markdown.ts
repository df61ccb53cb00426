// Markdown for a pull-request comment or a job summary. Every catalog-derived string is
// an inline code span (markdownCode), so it can carry no HTML, link, image or @mention.
import type { Diagnostic } from '../load/diagnostics.ts';
import { formatReviewMarkdown } from '../review/report.ts';
import { markdownCode } from './escape.ts';
import { bySeverity, fitting, markdownDiagnostics, moreDiagnostics } from './markdown-list.ts';
import { summaryLine, type Reporter } from './reporter.ts';
import type { OpenapiChanges } from '../bridges/openapi-review.ts';

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

// Markdown for a pull-request comment or a job summary. Every catalog-derived string is
// an inline code span (markdownCode), so it can carry no HTML, link, image or @mention.
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { fitting, formatReviewMarkdown } from '../review/report.ts';
import { rulePageUrl } from '../rules/docs.ts';
import { markdownCode, markdownLink } from './escape.ts';
import { summaryLine, type Reporter } from './reporter.ts';
import type { OpenapiChanges } from '../catalog/openapi-review.ts';

/** One list item per diagnostic, the rule linked to its page. */
export function markdownDiagnostics(list: Diagnostic[], docsUrl?: string): string {
  return list
    .map((d) => {
      const url = rulePageUrl(d.rule, docsUrl);
      const rule = url ? markdownLink(markdownCode(d.rule), url) : `${markdownCode(d.rule)} (${markdownCode(`errcat explain ${d.rule}`)})`;
      const hint = d.hint ? ` — hint: ${markdownCode(d.hint)}` : '';
      return `- ${markdownCode(`${d.file}:${d.line}:${d.col}`)} **${d.severity}** ${rule}: ${markdownCode(d.message)}${hint}`;
    })
    .join('\n');
}

export const markdown: Reporter = {
  format({ diagnostics, codeCount, docsUrl, review, links, openapi }) {
    if (review) {
      // --max-chars bounds the whole output: the OpenAPI list takes at most a quarter of it.
      const max = links?.maxChars;
      const tail = openapi ? openapiMarkdown(openapi, max && Math.floor(max / 4)) : '';
      return formatReviewMarkdown(review, diagnostics, { ...links, docsUrl: links?.docsUrl ?? docsUrl, maxChars: max && max - tail.length }) + tail;
    }
    const out = ['### Error catalog check', '', summaryLine(diagnostics, codeCount)];
    if (diagnostics.length) out.push('', markdownDiagnostics(diagnostics, docsUrl));
    return `${out.join('\n')}\n`;
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

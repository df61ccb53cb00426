// Markdown for a pull-request comment or a job summary. Every catalog-derived string is
// an inline code span (markdownCode), so it can carry no HTML, link, image or @mention.
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { formatReviewMarkdown } from '../review/report.ts';
import { rulePageUrl } from '../rules/docs.ts';
import { markdownCode } from './escape.ts';
import { summaryLine, type Reporter } from './reporter.ts';

/** One list item per diagnostic, the rule linked to its page. */
export function markdownDiagnostics(list: Diagnostic[], docsUrl?: string): string {
  return list
    .map((d) => {
      const url = rulePageUrl(d.rule, docsUrl);
      const rule = url ? `[${markdownCode(d.rule)}](<${url}>)` : `${markdownCode(d.rule)} (\`errcat explain ${d.rule}\`)`;
      const hint = d.hint ? ` — hint: ${markdownCode(d.hint)}` : '';
      return `- ${markdownCode(`${d.file}:${d.line}:${d.col}`)} **${d.severity}** ${rule}: ${markdownCode(d.message)}${hint}`;
    })
    .join('\n');
}

export const markdown: Reporter = {
  format({ diagnostics, codeCount, docsUrl, review, links }) {
    if (review) return formatReviewMarkdown(review, diagnostics, { ...links, docsUrl: links?.docsUrl ?? docsUrl });
    const out = ['### Error catalog check', '', summaryLine(diagnostics, codeCount)];
    if (diagnostics.length) out.push('', markdownDiagnostics(diagnostics, docsUrl));
    return `${out.join('\n')}\n`;
  },
};

// `path:line:col  severity  rule-id  message  hint: ...  docs: <rule page>`, one line per
// diagnostic, then the review (with --base) and a summary line.
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { formatReviewText } from '../review/report.ts';
import { formatOpenapiChanges } from '../catalog/openapi-review.ts';
import { rulePageUrl } from '../rules/docs.ts';
import { plainText } from './escape.ts';
import { summaryLine, type Reporter } from './reporter.ts';

/** Where to read about a diagnostic's rule: its page online, or the command that prints it. */
export function ruleReference(rule: string, docsUrl: string | undefined): string {
  return rulePageUrl(rule, docsUrl) ?? `errcat explain ${rule}`;
}

/** A one-line diagnostic for annotations: the message, its hint and where to read about the rule. */
export function annotationMessage(d: Diagnostic, docsUrl?: string): string {
  return `${d.message}${d.hint ? ` (hint: ${d.hint})` : ''} — ${ruleReference(d.rule, docsUrl)}`;
}

export function textLines(list: Diagnostic[], docsUrl?: string): string {
  return list
    .map((d) =>
      plainText(`${d.file}:${d.line}:${d.col}  ${d.severity}  ${d.rule}  ${d.message}${d.hint ? `  hint: ${d.hint}` : ''}`) +
      `  docs: ${plainText(ruleReference(d.rule, docsUrl))}`)
    .join('\n');
}

export const text: Reporter = {
  format({ diagnostics, codeCount, docsUrl, review, openapi }) {
    const parts: string[] = [];
    if (diagnostics.length) parts.push(textLines(diagnostics, docsUrl));
    if (review) parts.push(formatReviewText(review, diagnostics));
    if (openapi) parts.push(formatOpenapiChanges(openapi).split('\n').map(plainText).join('\n'));
    parts.push(summaryLine(diagnostics, codeCount));
    return `${parts.join('\n\n')}\n`;
  },
};

// `path:line:col  severity  rule-id  message  hint: ...  docs: <rule page>`, one line per
// diagnostic, then the review (with --base) and a summary line.
import type { Diagnostic, Severity } from '../load/diagnostics.ts';
import { formatReviewText } from '../review/report.ts';
import { formatOpenapiChanges } from '../bridges/openapi-review.ts';
import { rulePageUrl } from '../rules/docs.ts';
import { plainText } from './escape.ts';
import { summaryLine, type Reporter } from './reporter.ts';


/** GitHub's annotation levels: an info is a notice (GitHub has no "info"). */
export const ANNOTATION_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const satisfies Record<Severity, string>;

/** A one-line diagnostic for annotations: the message, its hint and where to read about the rule. */
export function annotationMessage(d: Diagnostic): string {
  return `${d.message}${d.hint ? ` (hint: ${d.hint})` : ''} — ${rulePageUrl(d.rule)}`;
}

export function textLines(list: Diagnostic[]): string {
  return list
    .map((d) =>
      plainText(`${d.file}:${d.line}:${d.col}  ${d.severity}  ${d.rule}  ${d.message}${d.hint ? `  hint: ${d.hint}` : ''}`) +
      `  docs: ${plainText(rulePageUrl(d.rule))}`)
    .join('\n');
}

export const text: Reporter = {
  format({ diagnostics, codeCount, review, openapi }) {
    const parts: string[] = [];
    if (diagnostics.length) parts.push(textLines(diagnostics));
    if (review) parts.push(formatReviewText(review, diagnostics));
    if (openapi) parts.push(formatOpenapiChanges(openapi).split('\n').map(plainText).join('\n'));
    parts.push(summaryLine(diagnostics, codeCount));
    return `${parts.join('\n\n')}\n`;
  },
};

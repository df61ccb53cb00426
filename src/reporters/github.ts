// GitHub Actions workflow commands: one annotation per diagnostic (on the diff in a pull
// request), the review's notices with --base, then the summary.
import type { Diagnostic } from '../load/diagnostics.ts';
import { formatReviewGithub } from '../review/annotate.ts';
import { counts } from '../review/report.ts';
import { githubData, githubProperty } from './escape.ts';
import { summaryLine, type Reporter } from './reporter.ts';
import { ANNOTATION_LEVEL, annotationMessage } from './text.ts';

export function githubAnnotations(list: Diagnostic[]): string {
  return list
    .map((d) => {
      const props = `file=${githubProperty(d.file)},line=${d.line},col=${d.col},title=${githubProperty(d.rule)}`;
      return `::${ANNOTATION_LEVEL[d.severity]} ${props}::${githubData(annotationMessage(d))}`;
    })
    .join('\n');
}

export const github: Reporter = {
  format({ diagnostics, codeCount, review }) {
    // With a review, annotations go on the pull request's changed lines (src/review/annotate.ts).
    const lines = [review ? formatReviewGithub(review, diagnostics) : githubAnnotations(diagnostics)].filter(Boolean);
    lines.push(`${githubData(summaryLine(diagnostics, codeCount))}${review ? `; ${counts(review)}` : ''}`);
    return `${lines.join('\n')}\n`;
  },
};

// One interface for every output format. The CLI, the site build and the review all
// print diagnostics through a reporter, so each format is written (and escaped) once.
import { severityCounts, type Diagnostic } from '../load/diagnostics.ts';
import type { Review } from '../review/diff.ts';
import type { ReportContext } from '../review/report.ts';
import type { OpenapiChanges } from '../bridges/openapi-review.ts';
import { severityCount } from './counts.ts';

export interface Run {
  diagnostics: Diagnostic[];
  codeCount: number;
  /** The catalog's docs_url: rule pages are published on its site (see rulePageUrl). */
  docsUrl?: string;
  /** The comparison with a base revision, when the check ran with --base. */
  review?: Review;
  /** Where review links point (a preview deployment). */
  links?: ReportContext;
  /** With --base, when the catalog names the API's OpenAPI document: its changes. */
  openapi?: OpenapiChanges;
}

export interface Reporter {
  /** The whole output of a run, ending with a newline (or empty). */
  format(run: Run): string;
}

/** Errors and warnings always counted; info only when there is some, and alone it leaves the catalog clean. */
export function summaryLine(list: Diagnostic[], codeCount: number): string {
  const { error, warning, info } = severityCounts(list);
  const codes = `${codeCount} code${codeCount === 1 ? '' : 's'}`;
  if (error + warning === 0) return `catalog clean: ${codes} checked${info ? `; ${severityCount(info, 'info')}` : ''}`;
  return `${severityCount(error, 'error')}, ${severityCount(warning, 'warning')}${info ? `, ${severityCount(info, 'info')}` : ''} in ${codes}`;
}

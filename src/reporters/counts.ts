// Diagnostics counted in words, as every summary says them: the check's summary line, the
// review's verdict and a bounded report's "…and N more".
import { SEVERITIES, severityCounts, type Diagnostic, type Severity } from '../load/diagnostics.ts';

/** "1 error", "2 warnings", "3 info" (info, like advice, has no plural); `more` makes it "2 more warnings". */
export function severityCount(n: number, severity: Severity, { more = false } = {}): string {
  // As the summaries always said them: "1,412 more warnings", but "1500 warnings in 1500 codes".
  const count = more ? `${n.toLocaleString('en')} more` : String(n);
  return `${count} ${severity}${n === 1 || severity === 'info' ? '' : 's'}`;
}

/** "2 errors, 1 warning and 3 info": the severities present, most severe first ('' for none). */
export function tally(list: Diagnostic[], options: { more?: boolean } = {}): string {
  const counts = severityCounts(list);
  const words = SEVERITIES.filter((s) => counts[s] > 0).map((s) => severityCount(counts[s], s, options));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

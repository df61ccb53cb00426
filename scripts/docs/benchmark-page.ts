// bench/RESULTS.md (written by `npm run bench`) as a page of the manual, its figures unchanged.
import { page } from './markdown.ts';

export function benchmarkResults(results: string): string {
  const body = results.replace(/^# .*\n/, '');
  return page('Benchmark results', 'The latest figures of npm run bench, from bench/RESULTS.md.', [body.trim()], 'bench/RESULTS.md');
}

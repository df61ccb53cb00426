// GitHub annotations for a pull request: on the changed lines of the files it changed.
// A problem in a file the pull request did not touch, and a removed code (GitHub cannot
// annotate a deleted file), become job-level annotations that name the place in their
// text; a removed code's notice goes on the lock's changed line when the pull request
// edited the lock. Everything printed is escaped per GitHub's workflow-command rules.
import type { Diagnostic } from '../load/diagnostics.ts';
import type { CodeChange, Review } from './diff.ts';
import { githubData as ghData, githubProperty as ghProperty, plainLines as plain } from '../reporters/escape.ts';
import { ANNOTATION_LEVEL, annotationMessage } from '../reporters/text.ts';
import { textLines, textWords } from './report.ts';
import type { FieldChange } from './fields.ts';
import type { Rename } from './rename.ts';

interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  title: string;
  message: string;
}

function command(a: Annotation): string {
  const props = [
    ...(a.file ? [`file=${ghProperty(a.file)}`, `line=${a.line ?? 1}`] : []),
    ...(a.file && a.endLine && a.endLine !== a.line ? [`endLine=${a.endLine}`] : []),
    ...(a.file && a.col ? [`col=${a.col}`] : []),
    `title=${ghProperty(a.title)}`,
  ];
  return `::${a.level} ${props.join(',')}::${ghData(plain(a.message))}`;
}

const touched = (r: Review, file: string) => (r.files[file]?.length ?? 0) > 0;

function problem(r: Review, d: Diagnostic): Annotation {
  const message = annotationMessage(d);
  if (touched(r, d.file)) return { level: ANNOTATION_LEVEL[d.severity], file: d.file, line: d.line, col: d.col, title: d.rule, message };
  // Not a file of this pull request: the annotation goes on the run, the place in words.
  return { level: ANNOTATION_LEVEL[d.severity], title: d.rule, message: `${d.file}:${d.line}:${d.col}: ${message}` };
}

function fieldWords(f: FieldChange): string {
  if (f.kind === 'value' || f.kind === 'lifecycle') return `${f.before ?? '(none)'} -> ${f.after ?? '(none)'}`;
  return f.kind === 'block' ? textLines(f.diff) : textWords(f.diff);
}

const percentSame = (r: Rename) => `${Math.round(r.similarity * 100)}% the same`;

function change(r: Review, c: CodeChange): Annotation[] {
  const title = `${c.kind} ${c.code}`;
  if (c.kind === 'added') {
    const summary = c.fields.find((f) => f.field === 'summary')?.after ?? '';
    const what = c.rename ? `probably renamed from ${c.rename.from} (${percentSame(c.rename)})` : 'new error code';
    return [{ level: 'notice', file: c.file, line: c.line, endLine: c.endLine, title, message: `${what} (${c.status}): ${summary}` }];
  }
  if (c.kind === 'changed') {
    // One notice per field, on its changed lines (a removed field: the code's first changed line).
    return c.fields.map((f) => ({ level: 'notice', file: c.file, line: f.line ?? c.line, ...(f.endLine ? { endLine: f.endLine } : {}), title: `${title}: ${f.field}`, message: fieldWords(f) }));
  }
  const renamed = c.rename ? ` It looks renamed to ${c.rename.to} (${percentSame(c.rename)}).` : '';
  const message = `${c.file} was deleted: code ${c.code} (${c.status}) is no longer in the catalog.${renamed}`;
  const at = r.files[r.lock]?.[0];
  return [at ? { level: 'notice', file: r.lock, line: at[0], endLine: at[1], title, message } : { level: 'notice', title, message }];
}

export function formatReviewGithub(r: Review, diagnostics: Diagnostic[]): string {
  return [...diagnostics.map((d) => problem(r, d)), ...[...r.added, ...r.changed, ...r.removed].flatMap((c) => change(r, c))]
    .map(command)
    .join('\n');
}

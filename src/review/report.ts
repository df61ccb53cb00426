// How a review reads: a pull-request summary in Markdown, plain text for the terminal,
// and GitHub annotations on the changed lines.
import type { Diagnostic } from '../catalog/diagnostics.ts';
import type { CodeChange, FieldChange, Review } from './diff.ts';
import { markdownDiagnostics } from '../reporters/markdown.ts';
import { githubData, githubProperty } from '../reporters/escape.ts';

export interface ReportContext {
  /** docs_url of the errors page (from the head catalog). */
  docsUrl?: string;
  /** Origin of a preview deployment to link to instead of the docs site. */
  previewUrl?: string;
}

export function counts(r: Review): string {
  return `${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed`;
}

function deepLink(code: string, ctx: ReportContext): string | undefined {
  if (!ctx.docsUrl) return undefined;
  const url = new URL(ctx.docsUrl);
  const base = ctx.previewUrl ? new URL(url.pathname, ctx.previewUrl).href : `${url.origin}${url.pathname}`;
  return `${base}#${code}`;
}

const status = (s: unknown) => (Array.isArray(s) ? s.join(', ') : String(s ?? '?'));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

export function formatReviewMarkdown(r: Review, diagnostics: Diagnostic[], ctx: ReportContext = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const out = [`### Error catalog review against \`${r.base}\``, ''];
  out.push(`**${r.added.length} added · ${r.changed.length} changed · ${r.removed.length} removed**${r.page.length ? ` · page text: ${r.page.map((f) => `\`${f.field}\``).join(', ')}` : ''}`);
  out.push('');
  out.push(errors.length
    ? `❌ The check failed with ${errors.length} error${errors.length === 1 ? '' : 's'}:`
    : '✅ The check passed: codes are stable, references resolve.');
  if (errors.length) {
    out.push('');
    out.push(markdownDiagnostics(errors.slice(0, 20), ctx.docsUrl));
    if (errors.length > 20) out.push(`- … and ${errors.length - 20} more`);
  }
  const rows = [...r.added, ...r.changed, ...r.removed];
  if (rows.length) {
    out.push('', '| Change | Code | Status | What changed |', '|---|---|---|---|');
    for (const c of rows) {
      const link = c.kind === 'removed' ? undefined : deepLink(c.code, ctx);
      const name = link ? `[\`${c.code}\`](${link})` : `\`${c.code}\``;
      const what = c.kind === 'added' ? 'new code' : c.kind === 'removed' ? '**removed**: shipped codes must be deprecated, not deleted' : c.fields.map((f) => `\`${f.field}\``).join(', ');
      out.push(`| ${{ added: '➕ added', changed: '✏️ changed', removed: '➖ removed' }[c.kind]} | ${name} | ${status(c.status)} | ${what} |`);
    }
  } else out.push('', 'No code was added, changed or removed.');
  if (r.changed.length) {
    out.push('', '<details><summary>Field by field</summary>', '');
    for (const c of r.changed) {
      out.push(`**\`${c.code}\`**`, '');
      for (const f of c.fields) out.push(`- \`${f.field}\`: ${cell(show(f.before))} → ${cell(show(f.after))}`);
      out.push('');
    }
    out.push('</details>');
  }
  return `${out.join('\n')}\n`;
}

export function formatReviewText(r: Review): string {
  const line = (c: CodeChange) =>
    `  ${c.kind.padEnd(8)} ${c.code} (${status(c.status)})${c.fields.length ? `: ${c.fields.map((f) => f.field).join(', ')}` : ''}`;
  const all = [...r.added, ...r.changed, ...r.removed];
  return [`review against ${r.base}: ${counts(r)}`, ...all.map(line), ...fieldLines(r.changed)].join('\n');
}

function fieldLines(changed: CodeChange[]): string[] {
  return changed.flatMap((c) => c.fields.map((f: FieldChange) => `    ${c.code}.${f.field}: ${show(f.before)} -> ${show(f.after)}`));
}

/** Notices on the changed lines; problems are annotated separately as errors. */
export function formatReviewGithub(r: Review): string {
  return [...r.added, ...r.changed]
    .map((c) => {
      // File names, codes and field names come from the pull request: escaped like any annotation.
      const message = c.kind === 'added' ? 'new error code' : `changed: ${c.fields.map((f) => f.field).join(', ')}`;
      return `::notice file=${githubProperty(c.file)},line=${c.line},title=${githubProperty(`${c.kind} ${c.code}`)}::${githubData(message)}`;
    })
    .join('\n');
}

// How a review reads: plain text for the terminal and a Markdown report for the pull
// request. Every changed field is shown whole, with the changed words marked; added codes
// are shown as a reader will see them; removed codes with what was lost and what the
// check says. Catalog text goes through the escaping of each format (./escape.ts).
import { hasErrors, type Diagnostic } from '../load/diagnostics.ts';
import { statusText } from '../model/http.ts';
import type { CodeChange, Review } from './diff.ts';
import { tally } from '../reporters/counts.ts';
import { bySeverity, fitting, markdownDiagnostics, more, moreDiagnostics } from '../reporters/markdown-list.ts';
import { markdownCode as mdCode, markdownFence as mdFence, markdownLink, markdownText as mdText, plainLines as plain } from '../reporters/escape.ts';
import type { FieldChange, Piece } from './fields.ts';
import type { Rename } from './rename.ts';

export interface ReportContext {
  /** docs_url of the errors page (from the head catalog, valid or not). */
  docsUrl?: string;
  /** Origin of the preview deployment of this change; without it no code is linked. */
  previewUrl?: string;
  /** Where the built site of this change can be downloaded, when there is no preview deployment. */
  artifactUrl?: string;
  /** Longest Markdown report; past it the per-code details move out (GitHub comments hold 65,536 characters). */
  maxChars?: number;
}

/** Hidden marker that finds the review comment again on the next push. */
export const COMMENT_MARKER = '<!-- errcat-review -->';

export function counts(r: Review): string {
  return `${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed`;
}

/** The code's heading in the preview of this change; never production, where a new code is not yet. */
export function previewLink(code: string, ctx: ReportContext): string | undefined {
  if (!ctx.previewUrl || !ctx.docsUrl) return undefined;
  try {
    const page = new URL(ctx.docsUrl).pathname;
    const url = new URL(page, ctx.previewUrl);
    url.hash = code;
    return url.href;
  } catch {
    return undefined;
  }
}

const statusLine = (s: string) => s.split(', ').map((x) => (/^\d+$/.test(x) ? statusText(Number(x)) : x)).join(', ');
const renameWords = (r: Rename) => `${Math.round(r.similarity * 100)}% of the content is the same: ${r.confidence}`;
/** Diagnostics about one code: at its file, or naming it. */
const about = (c: CodeChange, diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.file === c.file || d.message.includes(`"${c.code}"`));

// ---------------------------------------------------------------- Markdown

/** A text field, whole, changed words struck out (<del>) and inserted (<ins>), line breaks kept. */
function mdWords(diff: Piece[]): string {
  const lines: string[] = [''];
  for (const p of diff) {
    p.value.split('\n').forEach((part, i) => {
      if (i > 0) lines.push('');
      if (!part) return;
      const text = mdText(part);
      lines[lines.length - 1] += p.added ? `<ins>${text}</ins>` : p.removed ? `<del>${text}</del>` : text;
    });
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  // An empty line would leave a <br> alone at the start of a line: an HTML block to Markdown.
  return lines.map((l) => `> ${/\S/.test(l) ? l : '&nbsp;'}`).join('<br>\n');
}

/** An example body as a diff block: every line, `-` removed, `+` added. */
function mdLines(diff: Piece[]): string {
  const out: string[] = [];
  for (const p of diff) {
    const mark = p.added ? '+' : p.removed ? '-' : ' ';
    for (const line of p.value.replace(/\n$/, '').split('\n')) out.push(`${mark}${line}`);
  }
  return mdFence(out.join('\n'), 'diff');
}

function mdField(f: FieldChange, whole: 'before' | 'after' | undefined): string {
  const name = `**${mdCode(f.field)}**`;
  const value = whole ? f[whole] ?? '' : '';
  if (f.kind === 'value' || f.kind === 'lifecycle') {
    const show = (v: string | undefined) => (v === undefined ? '*(none)*' : f.kind === 'lifecycle' ? lifecycleMd(v) : mdCode(v));
    return whole ? `${name}: ${show(value)}` : `${name}: ${show(f.before)} → ${show(f.after)}`;
  }
  if (f.kind === 'block') return `${name}\n\n${whole ? mdFence(value) : mdLines(f.diff)}`;
  if (whole) return `${name}\n\n${mdWords([{ value }])}`;
  const note = f.before === undefined ? ' (new)' : f.after === undefined ? ' (removed)' : '';
  return `${name}${note}\n\n${mdWords(f.diff)}`;
}

/** "deprecated since X, replaced by `y`" with the code in a code span. */
function lifecycleMd(words: string): string {
  const m = /^(.*), replaced by `(.*)`$/s.exec(words);
  return m ? `${mdText(m[1]!)}, replaced by ${mdCode(m[2]!)}` : mdText(words);
}

function mdCodeSection(c: CodeChange, diagnostics: Diagnostic[], ctx: ReportContext): string[] {
  const icon = { added: '➕', changed: '✏️', removed: '➖' }[c.kind];
  const link = c.kind === 'removed' ? undefined : previewLink(c.code, ctx);
  const out = [`#### ${icon} ${mdCode(c.code)} ${c.kind}`, ''];
  out.push(`${mdText(statusLine(c.status))} · category ${mdCode(c.category)}${link ? ` · ${markdownLink('preview', link)}` : ''}`, '');
  if (c.rename) {
    const other = c.kind === 'removed' ? c.rename.to : c.rename.from;
    out.push(`Probably renamed ${c.kind === 'removed' ? 'to' : 'from'} ${mdCode(other)} (${mdText(renameWords(c.rename))}).`, '');
  }
  // A rename is shown once: on the new code, as what changed from the old one.
  if (c.kind === 'removed' && c.rename) out.push(`Its content, and what the new code changed in it, are under ${mdCode(c.rename.to)}.`, '');
  else if (c.renamedFields) {
    out.push(c.renamedFields.length ? `What changed from ${mdCode(c.rename!.from)}:` : `Nothing else changed from ${mdCode(c.rename!.from)}.`, '');
    for (const f of c.renamedFields) out.push(mdField(f, undefined), '');
  } else {
    if (c.kind === 'removed') out.push('What was lost:', '');
    for (const f of c.fields) out.push(mdField(f, c.kind === 'added' ? 'after' : c.kind === 'removed' ? 'before' : undefined), '');
  }
  const says = about(c, diagnostics);
  if (says.length) {
    out.push(c.kind === 'removed' ? 'What the check says:' : 'Problems here:', '');
    out.push(markdownDiagnostics(says));
    out.push('');
  }
  return out;
}


export function formatReviewMarkdown(r: Review, diagnostics: Diagnostic[], ctx: ReportContext = {}): string {
  const full = renderMarkdown(r, diagnostics, ctx);
  if (!ctx.maxChars || full.length <= ctx.maxChars) return full;
  return compactMarkdown(r, diagnostics, ctx, ctx.maxChars, full.length);
}

/** How many of each list a compact report keeps; the rest are counted. */
interface Kept {
  diagnostics: number;
  renames: number;
  rows: number;
}

/**
 * The review within `max` characters exactly: no per-code details, errors before warnings and info,
 * then renames and table rows while they fit, and counts for what did not.
 */
function compactMarkdown(r: Review, diagnostics: Diagnostic[], ctx: ReportContext, max: number, fullLength: number): string {
  const sorted = bySeverity(diagnostics);
  const render = (kept: Kept) => renderMarkdown(r, sorted, ctx, { kept, fullLength });
  const none = render({ diagnostics: 0, renames: 0, rows: 0 });
  if (none.length > max) return `${COMMENT_MARKER}\nThe review does not fit in ${max} characters: see the full report.\n`.slice(0, max);
  // Every kept item adds its line(s); the "and N more" lines only shrink as items are kept.
  let budget = max - none.length;
  const take = (lengths: number[], within = budget) => {
    const n = fitting(lengths, within);
    budget -= lengths.slice(0, n).reduce((a, b) => a + b, 0);
    return n;
  };
  const diagnosticLengths = sorted.map((d) => markdownDiagnostics([d]).length + 1);
  const errorCount = sorted.filter((d) => d.severity === 'error').length;
  const rowLengths = changeRows(r).map((c) => tableRow(c, ctx).length + 1);
  // Errors first, then renames; the table of changes gets half of what is left before the warnings.
  const errors = take(diagnosticLengths.slice(0, errorCount));
  const renames = take(r.renames.map((rn) => renameLine(rn).length + 2));
  const firstRows = take(rowLengths, Math.floor(budget / 2));
  const warnings = errors === errorCount ? take(diagnosticLengths.slice(errorCount)) : 0;
  const kept: Kept = { diagnostics: errors + warnings, renames, rows: firstRows + take(rowLengths.slice(firstRows)) };
  let out = render(kept);
  // The estimate above is exact for these shapes; this only guards the bound if one changes.
  while (out.length > max) {
    const key = (['rows', 'renames', 'diagnostics'] as const).find((k) => kept[k] > 0)!;
    kept[key]--;
    out = render(kept);
  }
  return out;
}

const changeRows = (r: Review) => [...r.added, ...r.changed, ...r.removed];
const renameLine = (rn: Rename) => `🔁 ${mdCode(rn.from)} → ${mdCode(rn.to)} looks like a rename (${mdText(renameWords(rn))}).`;

function tableRow(c: CodeChange, ctx: ReportContext): string {
  // Every span in a table cell escapes its pipes (GFM splits cells before it reads spans).
  const cell = (s: string) => mdCode(s, { inTable: true });
  const name = markdownLink(cell(c.code), c.kind === 'removed' ? undefined : previewLink(c.code, ctx));
  const what = c.kind === 'added' ? (c.rename ? `renamed from ${cell(c.rename.from)}?` : 'new code') : c.kind === 'removed' ? (c.rename ? `renamed to ${cell(c.rename.to)}?` : 'removed') : c.fields.map((f) => cell(f.field)).join(', ');
  return `| ${{ added: '➕ added', changed: '✏️ changed', removed: '➖ removed' }[c.kind]} | ${name} | ${mdText(c.status)} | ${what} |`;
}

function renderMarkdown(r: Review, diagnostics: Diagnostic[], ctx: ReportContext, compact?: { kept: Kept; fullLength: number }): string {
  const failed = hasErrors(diagnostics);
  const kept = compact?.kept ?? { diagnostics: diagnostics.length, renames: r.renames.length, rows: Infinity };
  const out = [COMMENT_MARKER, `### Error catalog review against ${mdCode(r.base)}`, ''];
  out.push(`**${r.added.length} added · ${r.changed.length} changed · ${r.removed.length} removed**${r.page.length ? ` · page text: ${r.page.map((f) => mdCode(f.field)).join(', ')}` : ''}`, '');
  out.push(failed
    ? `❌ The check failed with ${tally(diagnostics)}:`
    : `✅ The check passed${diagnostics.length ? ` with ${tally(diagnostics)}` : ''}: codes are stable, references resolve.`);
  if (diagnostics.length) {
    const shown = diagnostics.slice(0, kept.diagnostics);
    out.push('', [markdownDiagnostics(shown), shown.length < diagnostics.length ? moreDiagnostics(diagnostics.slice(shown.length)) : ''].filter(Boolean).join('\n'));
  }
  for (const rn of r.renames.slice(0, kept.renames)) out.push('', renameLine(rn));
  if (kept.renames < r.renames.length) out.push('', `…and ${more(r.renames.length - kept.renames, 'likely rename')}: see the full report.`);
  out.push('', ctx.previewUrl
    ? `Links go to the preview of this change: ${mdText(ctx.previewUrl)}`
    : `No preview deployment is configured, so codes are not linked (production does not have new codes yet).${ctx.artifactUrl ? ` The built site is in the ${markdownLink("workflow run's artifacts", ctx.artifactUrl)}.` : ''}`);
  const rows = changeRows(r);
  if (!rows.length) out.push('', 'No code was added, changed or removed.');
  else {
    out.push('', '| Change | Code | Status | What changed |', '|---|---|---|---|', ...rows.slice(0, kept.rows).map((c) => tableRow(c, ctx)));
    if (kept.rows < rows.length) out.push('', `…and ${more(rows.length - kept.rows, 'changed code')}: see the full report.`);
  }
  if (!compact) {
    for (const c of rows) out.push('', ...mdCodeSection(c, diagnostics, ctx));
    if (r.page.length) {
      out.push('', `#### ${mdCode('catalog.yaml')} page text`, '');
      for (const f of r.page) out.push(mdField(f, undefined), '');
    }
  } else {
    out.push('', `The field-by-field report (${compact.fullLength.toLocaleString('en')} characters) is too long for here: the workflow run keeps it (in its job summary, and whole in its ${markdownLink('artifacts', ctx.artifactUrl)}), and \`npx errcat check --base ${mdText(r.base)}\` prints it.`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------- text

const indent = (s: string, n: number) => s.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

/** Words as git's --word-diff=plain shows them: [-removed-]{+added+}. */
export function textWords(diff: Piece[]): string {
  return diff.map((p) => (p.added ? `{+${plain(p.value)}+}` : p.removed ? `[-${plain(p.value)}-]` : plain(p.value))).join('');
}

export function textLines(diff: Piece[]): string {
  return diff
    .flatMap((p) => p.value.replace(/\n$/, '').split('\n').map((l) => `${p.added ? '+' : p.removed ? '-' : ' '}${plain(l)}`))
    .join('\n');
}

function textField(f: FieldChange, whole: 'before' | 'after' | undefined): string {
  if (whole && (f.kind === 'value' || f.kind === 'lifecycle')) return `    ${f.field}: ${plain(f[whole] ?? '')}`;
  if (whole) return `    ${f.field}:\n${indent(plain(f[whole] ?? '').replace(/\n$/, ''), 6)}`;
  if (f.kind === 'value' || f.kind === 'lifecycle') return `    ${f.field}: ${plain(f.before ?? '(none)')} -> ${plain(f.after ?? '(none)')}`;
  return `    ${f.field}:${f.before === undefined ? ' (new)' : f.after === undefined ? ' (removed)' : ''}\n${indent((f.kind === 'block' ? textLines(f.diff) : textWords(f.diff)).replace(/\n$/, ''), 6)}`;
}

export function formatReviewText(r: Review, diagnostics: Diagnostic[] = []): string {
  const out = [`review against ${plain(r.base)}: ${counts(r)}`];
  for (const rn of r.renames) out.push(`  ${rn.from} -> ${rn.to} looks like a rename (${renameWords(rn)})`);
  for (const c of [...r.added, ...r.changed, ...r.removed]) {
    out.push('', `  ${c.kind.padEnd(8)} ${plain(c.code)}  ${plain(statusLine(c.status))}, category ${plain(c.category)}`);
    if (c.rename) out.push(`    probably renamed ${c.kind === 'removed' ? 'to' : 'from'} ${c.kind === 'removed' ? c.rename.to : c.rename.from} (${renameWords(c.rename)})`);
    // A rename is shown once: on the new code, as what changed from the old one.
    if (c.kind === 'removed' && c.rename) out.push(`    its content, and what the new code changed in it, are under ${c.rename.to}`);
    else if (c.renamedFields) {
      out.push(c.renamedFields.length ? `    what changed from ${c.rename!.from}:` : `    nothing else changed from ${c.rename!.from}`);
      for (const f of c.renamedFields) out.push(textField(f, undefined));
    } else {
      if (c.kind === 'removed') out.push('    what was lost:');
      for (const f of c.fields) out.push(textField(f, c.kind === 'added' ? 'after' : c.kind === 'removed' ? 'before' : undefined));
    }
    if (c.kind === 'removed') for (const d of about(c, diagnostics)) out.push(`    the check says: ${d.rule}: ${plain(d.message)}${d.hint ? `  hint: ${plain(d.hint)}` : ''}`);
  }
  if (r.page.length) out.push('', '  page text (catalog.yaml)', ...r.page.map((f) => textField(f, undefined)));
  return out.join('\n');
}

// Machine-readable exports of the catalog: errors.json, errors.d.ts, llms.txt and
// llms-full.txt. Plain functions of the model; the endpoints only serve their output.
import type { CatalogModel, CodeEntry } from '../model/model.ts';
import type { Retry } from '../model/schema.ts';
import { statusText } from '../model/http.ts';
import { contractChangelog, shippedWhen, type Release } from '../model/changelog.ts';
import type { Shipped } from '../model/lock.ts';
import { pageHref, retryLabel, retryPlan } from './page.ts';
import { mediaTypeOf } from '../model/envelope.ts';
import { markdownCode } from '../reporters/escape.ts';
import { mdBlock, mdLink, mdText } from './markdown-safe.ts';

export interface ErrorJsonEntry {
  code: string;
  status: number | number[];
  category: string;
  summary: string;
  docs_url: string;
  /** One shape for every code: absent facts are null or false, never a different type. */
  retry: {
    when: Retry['when'];
    strategy: NonNullable<Retry['strategy']> | null;
    jitter: boolean;
    max_attempts: number | null;
    honour_retry_after: boolean;
  };
  message?: string;
  /** The RFC 9457 `title`, when the code has one. */
  title?: string;
  /** The title in other languages, by language tag (RFC 9457 lets it vary by language). */
  titles?: Record<string, string>;
  lifecycle?: CodeEntry['lifecycle'];
  /** When the code first shipped (version and/or date); absent while unshipped. */
  since?: Shipped;
}

export function errorsJson(model: CatalogModel): { api: string; docs_url: string; media_type: string; codes: ErrorJsonEntry[]; changelog: Release[] } {
  return {
    api: model.catalog.api,
    docs_url: model.catalog.docs_url,
    /** What error responses are served as: application/json, or application/problem+json (RFC 9457). */
    media_type: mediaTypeOf(model.catalog.envelope),
    codes: model.codes.map((c) => ({
      code: c.code,
      status: c.statuses.length === 1 ? c.statuses[0]! : c.statuses,
      category: c.category,
      summary: c.summary,
      docs_url: c.docsUrl,
      retry: retryJson(c.retry),
      ...(c.message ? { message: c.message } : {}),
      ...(c.title !== undefined ? { title: c.title } : {}),
      ...(c.titles ? { titles: c.titles } : {}),
      ...(c.lifecycle ? { lifecycle: c.lifecycle } : {}),
      ...(c.shipped ? { since: shippedWhen(c.shipped) } : {}),
    })),
    changelog: contractChangelog(model.codes),
  };
}

export function retryJson(r: Retry): ErrorJsonEntry['retry'] {
  return {
    when: r.when,
    strategy: r.strategy ?? null,
    jitter: r.jitter ?? false,
    max_attempts: r.max_attempts ?? null,
    honour_retry_after: r.honour_retry_after ?? false,
  };
}

// Catalog text is untrusted in every export. JavaScript ends a line (and so a `//`
// comment) at \r, \u2028 and \u2029 too, not only \n: one-line text is flattened, and
// string literals escape them, so no text can add a declaration to errors.d.ts.
const LINE_BREAKS = /[\r\n\u2028\u2029\u0085\v\f]+/g;
/** Text that stays on its line. */
const flat = (s: string) => s.replace(LINE_BREAKS, ' ');
const tsString = (s: string) => JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
/** Text safe inside a comment of either kind. */
const comment = (s: string) => flat(s).replace(/\*\//g, '*\\/');

/** The API's name as the start of a TypeScript identifier: letters, digits, _ and $, never a leading digit. */
export function typePrefix(api: string): string {
  const name = api.replace(/[^A-Za-z0-9_$]/g, '');
  return /^[0-9]/.test(name) ? `_${name}` : name || 'Api';
}

/**
 * Markdown from the catalog inside an export: inert or escaped (markdown-safe.ts), and its
 * own headings can't pass for a code's `### code`.
 */
const block = (s: string) => mdBlock(s.trim()).replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/gm, '$1\\$2');
/** One-line plain text in the Markdown exports. */
const mdFlat = (s: string) => mdText(flat(s));
/** One-line inline Markdown (a summary, as the page renders it) in the Markdown exports. */
const mdInline = (s: string) => mdBlock(flat(s));

/** A code fence longer than any backtick run in the example, so the example can't close it. */
function fenced(lang: string, code: string): string[] {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence + lang, code.trimEnd(), fence];
}

export function errorsDts(model: CatalogModel): string {
  const name = typePrefix(model.catalog.api);
  const codes = model.codes;
  const lines: string[] = [];
  lines.push(`// Error codes of the ${comment(model.catalog.api)} API, generated from its error catalog.`);
  lines.push(`// Reference: ${comment(model.catalog.docs_url)}`);
  lines.push('');
  lines.push(`/** Every error code the ${comment(model.catalog.api)} API documents. */`);
  lines.push(`export type ${name}ErrorCode =`);
  for (const c of codes) lines.push(`  /** ${comment(c.summary)} (${c.statuses.join(', ')}) */\n  | ${tsString(c.code)}`);
  if (!codes.length) lines.push('  never');
  lines[lines.length - 1] += ';';
  lines.push('');
  lines.push(`/** The HTTP status (or statuses) each code comes with. */`);
  lines.push(`export interface ${name}ErrorStatus {`);
  for (const c of codes) lines.push(`  ${tsString(c.code)}: ${c.statuses.join(' | ')};`);
  lines.push('}');
  lines.push('');
  lines.push(`/** When retrying can succeed, per code (the full retry advice is in errors.json). */`);
  lines.push(`export interface ${name}ErrorRetryable {`);
  for (const c of codes) lines.push(`  ${tsString(c.code)}: ${tsString(c.retry.when)};`);
  lines.push('}');
  lines.push('');
  // Only for catalogs that have titles: a client matching a problem's `title` needs them.
  const titled = codes.filter((c) => c.title !== undefined);
  if (titled.length) {
    lines.push(`/** The RFC 9457 \`title\` of each code that has one. */`);
    lines.push(`export interface ${name}ErrorTitle {`);
    for (const c of titled) lines.push(`  ${tsString(c.code)}: ${tsString(c.title!)};`);
    lines.push('}', '');
  }
  const translated = codes.filter((c) => c.titles);
  if (translated.length) {
    lines.push(`/** The title in other languages, by language tag, of each code that has some. */`);
    lines.push(`export interface ${name}ErrorTitles {`);
    for (const c of translated) {
      lines.push(`  ${tsString(c.code)}: { ${Object.entries(c.titles!).map(([tag, title]) => `${tsString(tag)}: ${tsString(title)};`).join(' ')} };`);
    }
    lines.push('}', '');
  }
  // Types only: a declared constant would have no value behind it at run time.
  lines.push(`// The same data at run time: ${new URL('/errors.json', model.site).href}`);
  lines.push('');
  return lines.join('\n');
}

function line(c: CodeEntry): string {
  return `- ${mdLink(mdFlat(c.code), c.docsUrl)}: ${c.statuses.map(statusText).join(', ')}. ${mdInline(c.summary)}`;
}

const header = (catalog: CatalogModel['catalog']) => [`# ${mdFlat(catalog.api)} API: ${mdFlat(catalog.title)}`, '', `> ${mdFlat(catalog.description)}`, ''];

export function llmsTxt(model: CatalogModel): string {
  const { catalog } = model;
  const out = header(catalog);
  out.push(`The full page: ${mdText(catalog.docs_url)}. Every code in the detail: ${mdText(model.site)}/llms-full.txt. As JSON: ${mdText(model.site)}/errors.json.`, '');
  for (const cat of model.categories) {
    if (!cat.codes.length) continue;
    out.push(`## ${mdFlat(cat.title)}`, '');
    for (const c of cat.codes) out.push(line(c));
    out.push('');
  }
  return out.join('\n');
}

export function llmsFullTxt(model: CatalogModel): string {
  const { catalog } = model;
  const out = [...header(catalog), block(catalog.intro), ''];
  out.push(`## ${mdFlat(catalog.envelope.title)}`, '');
  out.push(`Error responses are \`${mediaTypeOf(catalog.envelope)}\`.`, '');
  if (catalog.envelope.description) out.push(block(catalog.envelope.description), '');
  if (catalog.envelope.example) out.push(...fenced(catalog.envelope.example.lang, catalog.envelope.example.code), '');
  for (const f of catalog.envelope.fields) out.push(`- ${markdownCode(flat(f.name))} (${mdFlat(f.type)}${f.required ? '' : ', optional'}): ${mdInline(f.notes.trim())}`);
  out.push('');
  for (const cat of model.categories) {
    if (!cat.codes.length) continue;
    out.push(`## ${mdFlat(cat.title)}`, '');
    for (const c of cat.codes) {
      out.push(`### ${mdFlat(c.code)}`, '');
      out.push(`- HTTP: ${c.statuses.map(statusText).join(', ')}`);
      out.push(`- Summary: ${mdInline(c.summary)}`);
      if (c.title !== undefined) out.push(`- Title: ${mdFlat(c.title)}`);
      if (c.titles) out.push(`- Title in other languages: ${Object.entries(c.titles).map(([tag, title]) => `${mdFlat(tag)}: ${mdFlat(title)}`).join('; ')}`);
      const plan = retryPlan(c.retry);
      out.push(`- Retryable: ${mdFlat(retryLabel(c).label)}${plan ? `. ${mdInline(plan)}` : ''}`);
      if (c.sdk_class) out.push(`- SDK error class: ${mdFlat(c.sdk_class)}`);
      if (c.lifecycle) out.push(`- Lifecycle: ${c.lifecycle.state} since ${mdFlat(c.lifecycle.since)}${c.lifecycle.replacement ? `; use ${mdFlat(c.lifecycle.replacement)}` : ''}`);
      out.push(`- Docs: ${mdText(c.docsUrl)}`, '');
      out.push('When it fires:', '', block(c.when), '', 'How to recover:', '', block(c.recovery), '');
      if (c.retry.advice) out.push('Retry:', '', block(c.retry.advice), '');
      for (const e of c.examples ?? []) out.push(...fenced(e.lang, e.code), '');
    }
  }
  out.push(`Page: ${mdText(`${model.site}${pageHref(model)}`)}`, '');
  return out.join('\n');
}

// Machine-readable exports of the catalog: errors.json, errors.d.ts, llms.txt and
// llms-full.txt. Plain functions of the model; the endpoints only serve their output.
import type { CatalogModel, CodeEntry } from '../catalog/model.ts';
import { statusText } from '../catalog/http.ts';
import { pageHref } from './page.ts';
import { mediaTypeOf } from '../catalog/envelope.ts';

export interface ErrorJsonEntry {
  code: string;
  status: number | number[];
  category: string;
  summary: string;
  docs_url: string;
  retryable: boolean | 'conditional';
  message?: string;
  lifecycle?: CodeEntry['lifecycle'];
}

export function errorsJson(model: CatalogModel): { api: string; docs_url: string; media_type: string; codes: ErrorJsonEntry[] } {
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
      retryable: c.retry.retryable,
      ...(c.message ? { message: c.message } : {}),
      ...(c.lifecycle ? { lifecycle: c.lifecycle } : {}),
    })),
  };
}

const tsString = (s: string) => JSON.stringify(s);
/** Text safe inside a block comment. */
const comment = (s: string) => s.replace(/\*\//g, '*\\/');

export function errorsDts(model: CatalogModel): string {
  const name = model.catalog.api.replace(/[^A-Za-z0-9_$]/g, '') || 'Api';
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
  lines.push(`/** Whether retrying can succeed, per code. */`);
  lines.push(`export interface ${name}ErrorRetryable {`);
  for (const c of codes) lines.push(`  ${tsString(c.code)}: ${c.retry.retryable === 'conditional' ? "'conditional'" : String(c.retry.retryable)};`);
  lines.push('}');
  lines.push('');
  // Types only: a declared constant would have no value behind it at run time.
  lines.push(`// The same data at run time: ${new URL('/errors.json', model.site).href}`);
  lines.push('');
  return lines.join('\n');
}

function line(c: CodeEntry): string {
  return `- [${c.code}](${c.docsUrl}): ${c.statuses.map(statusText).join(', ')}. ${c.summary}`;
}

export function llmsTxt(model: CatalogModel): string {
  const { catalog } = model;
  const out = [`# ${catalog.api} API: ${catalog.title}`, '', `> ${catalog.description}`, ''];
  out.push(`The full page: ${catalog.docs_url}. Every code in the detail: ${model.site}/llms-full.txt. As JSON: ${model.site}/errors.json.`, '');
  for (const cat of model.categories) {
    if (!cat.codes.length) continue;
    out.push(`## ${cat.title}`, '');
    for (const c of cat.codes) out.push(line(c));
    out.push('');
  }
  return out.join('\n');
}

export function llmsFullTxt(model: CatalogModel): string {
  const { catalog } = model;
  const out = [`# ${catalog.api} API: ${catalog.title}`, '', `> ${catalog.description}`, '', catalog.intro.trim(), ''];
  out.push(`## ${catalog.envelope.title}`, '');
  out.push(`Error responses are \`${mediaTypeOf(catalog.envelope)}\`.`, '');
  if (catalog.envelope.description) out.push(catalog.envelope.description.trim(), '');
  if (catalog.envelope.example) out.push('```' + catalog.envelope.example.lang, catalog.envelope.example.code.trimEnd(), '```', '');
  for (const f of catalog.envelope.fields) out.push(`- \`${f.name}\` (${f.type}${f.required ? '' : ', optional'}): ${f.notes.trim()}`);
  out.push('');
  for (const cat of model.categories) {
    if (!cat.codes.length) continue;
    out.push(`## ${cat.title}`, '');
    for (const c of cat.codes) {
      out.push(`### ${c.code}`, '');
      out.push(`- HTTP: ${c.statuses.map(statusText).join(', ')}`);
      out.push(`- Summary: ${c.summary}`);
      out.push(`- Retryable: ${c.retry.retryable === 'conditional' ? 'conditional' : c.retry.retryable ? 'yes' : 'no'}`);
      if (c.sdk_class) out.push(`- SDK error class: ${c.sdk_class}`);
      if (c.lifecycle) out.push(`- Lifecycle: ${c.lifecycle.state} since ${c.lifecycle.since}${c.lifecycle.replacement ? `; use ${c.lifecycle.replacement}` : ''}`);
      out.push(`- Docs: ${c.docsUrl}`, '');
      out.push('When it fires:', '', c.when.trim(), '', 'How to recover:', '', c.recovery.trim(), '');
      if (c.retry.advice) out.push('Retry:', '', c.retry.advice.trim(), '');
      for (const e of c.examples ?? []) out.push('```' + e.lang, e.code.trimEnd(), '```', '');
    }
  }
  out.push(`Page: ${model.site}${pageHref(model)}`, '');
  return out.join('\n');
}

// Every Markdown text of the catalog scanned once, shared by raw-html, unsafe-link and
// reference-resolves.
import { AnyCode } from '../context.ts';
import { docOf, locate, position, type DataPath, type SourceFile } from '../../load/load.ts';
import { scanMarkdown, type MarkdownLink, type MarkdownProblem } from '../../model/markdown.ts';
import { pageAnchors } from '../../model/model.ts';
import type { RuleContext } from '../context.ts';

export interface ScannedText {
  file: SourceFile;
  path: DataPath;
  text: string;
  /** A `href` field (where_next): a link target, not Markdown. */
  isHref: boolean;
  problems: MarkdownProblem[];
  links: MarkdownLink[];
}

// Keys whose strings are identifiers or verbatim example text, not Markdown.
const NOT_MARKDOWN = new Set(['code', 'code_pattern', 'docs_url', 'lang', 'shape', 'id', 'anchor', 'category', 'state',
  'replacement', 'since', 'name', 'type', 'example', 'value', 'code_field', 'docs_url_field', 'status_field']);

export function scannedTexts(ctx: RuleContext): ScannedText[] {
  const files: { file: SourceFile; data: unknown }[] = ctx.codes.map((c) => ({ file: c.file, data: c.data }));
  if (ctx.catalogFile && ctx.catalog) files.push({ file: ctx.catalogFile, data: ctx.catalog });
  const out: ScannedText[] = [];
  for (const { file, data } of files) {
    walkText(data, [], (text, path, key) => {
      const isHref = key === 'href';
      const { problems, links } = isHref ? { problems: [], links: [] } : scanMarkdown(text);
      out.push({ file, path, text, isHref, problems, links });
    });
  }
  return out;
}

/** Ids a `#fragment` link may point at: every code and every page section. */
export function linkTargets(ctx: RuleContext): Set<string> {
  if (ctx.codeNames instanceof AnyCode) return ctx.codeNames;
  return new Set([...ctx.codeNames, ...(ctx.catalog ? pageAnchors(ctx.catalog) : [])]);
}

function walkText(value: unknown, path: (string | number)[], visit: (text: string, path: DataPath, key: string) => void, key = '') {
  if (typeof value === 'string') {
    if (!NOT_MARKDOWN.has(key)) visit(value, path, key);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walkText(v, [...path, i], visit, key));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkText(v, [...path, k], visit, k);
  }
}

/** Where `snippet` starts inside the text at `path`, or the text itself. */
export function locateSnippet(file: SourceFile, path: DataPath, snippet: string) {
  const node = docOf(file).getIn(path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
  if (node?.range && snippet) {
    const i = file.text.indexOf(snippet, node.range[0]);
    if (i >= 0 && i < node.range[1]) return position(file, i);
  }
  return locate(file, path);
}

export function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

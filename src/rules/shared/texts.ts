// Every string of the catalog visited once: its Markdown texts scanned for raw-html,
// unsafe-link and reference-resolves, its placeholders found for text-to-write.
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
  problems: readonly MarkdownProblem[];
  links: readonly MarkdownLink[];
}
const NO_SCAN = { problems: [], links: [] } as const;

// Keys whose strings are identifiers, verbatim example text or `sources` globs and
// patterns (a `(?<status>…)` group is no HTML), not Markdown.
const NOT_MARKDOWN = new Set(['code', 'code_pattern', 'pattern', 'include', 'exclude', 'docs_url', 'lang', 'shape', 'id', 'anchor', 'category', 'state',
  'replacement', 'since', 'name', 'type', 'example', 'value', 'code_field', 'docs_url_field', 'status_field']);

/** A text still to write: it starts with `TODO:` (spaces and line breaks before it aside). */
export const PLACEHOLDER_START = /^\s*TODO:/;

export interface PlaceholderText {
  file: SourceFile;
  path: DataPath;
  text: string;
}

/** Every string of the codes and catalog.yaml, walked once for the rules that read text. */
function catalogStrings(ctx: RuleContext): { scanned: ScannedText[]; placeholders: PlaceholderText[] } {
  const files: { file: SourceFile; data: unknown }[] = ctx.codes.map((c) => ({ file: c.file, data: c.data }));
  if (ctx.catalogFile && ctx.catalog) files.push({ file: ctx.catalogFile, data: ctx.catalog });
  const scanned: ScannedText[] = [];
  const placeholders: PlaceholderText[] = [];
  for (const { file, data } of files) {
    walkStrings(data, (text, path, key) => {
      // Examples are code, not prose: a TODO there is not a placeholder.
      if (PLACEHOLDER_START.test(text) && !path.includes('examples')) placeholders.push({ file, path: [...path], text });
      if (NOT_MARKDOWN.has(key)) return;
      const isHref = key === 'href';
      const { problems, links } = isHref ? NO_SCAN : scanMarkdown(text);
      if (isHref || problems.length || links.length) scanned.push({ file, path: [...path], text, isHref, problems, links });
    });
  }
  return { scanned, placeholders };
}

/**
 * The texts that have something to check: a Markdown problem, a link, or an `href`. Texts
 * with none (most of them) are not kept: every rule reading this list skips them anyway.
 */
export function scannedTexts(ctx: RuleContext): ScannedText[] {
  return ctx.shared(catalogStrings).scanned;
}

/** Strings still to write (PLACEHOLDER_START), outside examples. */
export function placeholderTexts(ctx: RuleContext): PlaceholderText[] {
  return ctx.shared(catalogStrings).placeholders;
}

/** Ids a `#fragment` link may point at: every code and every page section. */
export function linkTargets(ctx: RuleContext): Set<string> {
  if (ctx.codeNames instanceof AnyCode) return ctx.codeNames;
  return new Set([...ctx.codeNames, ...(ctx.catalog ? pageAnchors(ctx.catalog) : [])]);
}

/**
 * Every string under `value`, with its path and the key it is under. The path is one array, extended and cut back as the walk goes: copy it to keep it.
 */
function walkStrings(value: unknown, visit: (text: string, path: DataPath, key: string) => void, path: (string | number)[] = [], key = '') {
  if (typeof value === 'string') {
    visit(value, path, key);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkStrings(value[i], visit, path, key);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      path.push(k);
      walkStrings((value as Record<string, unknown>)[k], visit, path, k);
      path.pop();
    }
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

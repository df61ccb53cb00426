// Catalog text inside the Markdown (CommonMark) that exports carry: llms.txt,
// llms-full.txt and the `description`s of errors.openapi.json, which OpenAPI viewers
// render as HTML. The check keeps raw HTML and unsafe links out of catalog Markdown, but
// exports are made from a model, not from a checked catalog, so each text is made safe
// here for where it stands, as the page's renderer does for HTML (model/markdown.ts).
import MarkdownIt, { type StateCore } from 'markdown-it';
import { isSafeHref } from '../model/markdown.ts';

/**
 * Plain text as inline Markdown: the characters that start raw HTML or an autolink (`<`),
 * a link, image or reference (`[`), a code span, a table cell or an escape, and `&` where
 * it would start an entity, as numeric character references. Not backslash escapes: a
 * viewer that links bare URLs (GFM, markdown-it's linkify) takes `https://x/\` into the
 * link and the escape is lost. Emphasis stays: it cannot make markup or a link.
 */
export function mdText(s: string): string {
  return s.replace(/[\\`[\]<>|]|&(?=#?[A-Za-z0-9]+;)/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link with `text` (Markdown already) to an absolute http(s) URL; any other URL gives the text alone. */
export function mdLink(text: string, url: string): string {
  if (!/^https?:/i.test(url) || !isSafeHref(url)) return text;
  // Characters that would end the destination or be read as Markdown, percent-encoded (the same URL).
  return `[${text}](${url.replace(/[\s()<>\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

// Accept everything, to see what the text makes: once as plain CommonMark, once as a
// viewer that links bare URLs reads it (a linked URL can swallow a backslash escape).
const parsers = [false, true].map((linkify) => {
  const md = new MarkdownIt({ html: true, linkify });
  md.validateLink = () => true;
  return md;
});

type Tokens = ReturnType<InstanceType<typeof MarkdownIt>['parse']>;
function inert(tokens: Tokens): boolean {
  return tokens.every((t) => {
    if (t.type === 'html_block' || t.type === 'html_inline') return false;
    const href = t.type === 'link_open' ? t.attrGet('href') : t.type === 'image' ? t.attrGet('src') : null;
    return (href === null || isSafeHref(String(href))) && (!t.children || inert(t.children));
  });
}

/**
 * Catalog Markdown kept as written when it is inert, read either way: no raw HTML, no
 * unsafe link and no unsafe link definition (which another text of the same document
 * could use); otherwise the whole text as plain text.
 */
export function mdBlock(s: string): string {
  // Markup needs a `<`, a link `](`, `]:` or `:` (an autolink); most text has none.
  if (!/[<:]|\]\(/.test(s)) return s;
  // Read where it starts a line and where it follows text (`With code: ...`): an opening
  // fence that makes `` ```<img> `` inert at a line's start is plain backticks mid-line.
  for (const text of [s, `x ${s}`]) {
    for (const md of parsers) {
      const env: StateCore['env'] = {};
      if (!inert(md.parse(text, env)) || !Object.values(env.references ?? {}).every((r) => isSafeHref(r.href))) return mdText(s);
    }
  }
  return s;
}

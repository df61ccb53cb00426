// Catalog text is Markdown without raw HTML. One parser configuration serves both the
// check (which finds raw HTML and unsafe links and reports them) and the renderer (which
// escapes raw HTML and drops unsafe links even if the check was bypassed).
import MarkdownIt, { type RendererRule as RenderRule } from 'markdown-it';

const SAFE_SCHEME = /^(https?:|mailto:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A link target allowed in catalog text: http(s), mailto, relative paths and fragments. */
export function isSafeHref(href: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const compact = href.replace(/[\u0000-\u0020\u007f]+/g, '');
  return SAFE_SCHEME.test(compact) || !HAS_SCHEME.test(compact);
}

// For scanning: accept everything so the check sees what the author wrote.
const scanner = new MarkdownIt({ html: true, linkify: false });
scanner.validateLink = () => true;

// For rendering: raw HTML is escaped, unsafe links become plain text.
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
renderer.validateLink = (url) => isSafeHref(url);

export interface MarkdownProblem {
  kind: 'raw-html' | 'unsafe-link';
  /** The text to point at in the source. */
  snippet: string;
}

export interface MarkdownLink {
  href: string;
}

export interface MarkdownScan {
  readonly problems: readonly MarkdownProblem[];
  readonly links: readonly MarkdownLink[];
}
/** The scan of a text without markup or links: one for all of them (a check reads some 100,000 texts). */
const NOTHING: MarkdownScan = Object.freeze({ problems: Object.freeze([]), links: Object.freeze([]) });

/** Raw HTML, unsafe links, and every link target, in source order. */
export function scanMarkdown(text: string): MarkdownScan {
  // Most text has neither markup nor links; skip the parser for it. Raw HTML needs a `<`; a
  // link or image needs `](`, or a reference definition (`]:`) for `[text][ref]` and `[ref]`.
  if (!/<|\]\(|\]:/.test(text)) return NOTHING;
  const problems: MarkdownProblem[] = [];
  const links: MarkdownLink[] = [];
  const visit = (tokens: ReturnType<typeof scanner.parse>) => {
    for (const t of tokens) {
      if (t.type === 'html_block' || t.type === 'html_inline') {
        problems.push({ kind: 'raw-html', snippet: t.content.trim().split('\n')[0]! });
      } else if (t.type === 'link_open' || t.type === 'image') {
        const href = String(t.attrGet(t.type === 'image' ? 'src' : 'href') ?? '');
        if (!isSafeHref(href)) problems.push({ kind: 'unsafe-link', snippet: href });
        else links.push({ href });
      }
      if (t.children) visit(t.children);
    }
  };
  visit(scanner.parse(text, {}));
  return { problems, links };
}

// Catalog text is written for the errors page: `#code` and relative links mean the page.
// Shown on another page (a code's plain URL), they are resolved against the errors page.
type RenderEnv = { linksFrom?: string };
const renderLink: RenderRule = renderer.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  const { linksFrom } = env as RenderEnv;
  if (linksFrom && !HAS_SCHEME.test(href) && !href.startsWith('/')) {
    const url = new URL(href, new URL(linksFrom, 'https://page.invalid'));
    token.attrSet('href', url.pathname + url.search + url.hash);
  }
  return renderLink(tokens, idx, options, env, self);
};

/** `linksFrom`: the path the text's relative links and #fragments refer to, when it is shown elsewhere. */
export function renderMarkdown(text: string, linksFrom?: string): string {
  return renderer.render(text, { linksFrom } satisfies RenderEnv);
}

/** For single-line cells and titles: no surrounding paragraph. */
export function renderInline(text: string, linksFrom?: string): string {
  return renderer.renderInline(text, { linksFrom } satisfies RenderEnv);
}

// The deep-link floor inside the host's frame: our built errors page with the catalog's
// content replaced by the floor's plain sections (bench/floor.ts) and our own scripts and
// inline styles taken out. What is left is what any content, even the plainest, costs on
// this Starlight site: the host's header, sidebars, stylesheets and scripts, the Markdown
// wrapper's typography, and the browser's own fragment scroll. A guest's content cannot
// land sooner than this page does, so the errors page is measured against it in the same run.
import { readdirSync } from 'node:fs';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { CatalogModel } from '../src/model/model.ts';
import { keepTargetInPlace } from '../src/render/client/land.ts';
import { FLOOR_STYLE, floorBody } from './floor.ts';

type PNode = DefaultTreeAdapterMap['node'];
type PElement = DefaultTreeAdapterMap['element'];

/** Our components: Astro names their script bundles `/_astro/<Component>.astro_astro_type_script_...`. */
const OUR_COMPONENTS = new Set(
  readdirSync(new URL('../src/components/', import.meta.url))
    .filter((f) => f.endsWith('.astro'))
    .map((f) => f.slice(0, -'.astro'.length)),
);
/** The catalog page's own class prefix: in a selector of an inline style or script, it is ours. */
const OUR_SELECTOR = /\.ec-[\w-]/;

/**
 * The one rule the floor adds for this frame. Scroll anchoring keeps a target in place when
 * sections above it take their real size (content-visibility: auto), but the browser picks
 * its anchor in document order, and from 72rem wide Starlight's right sidebar column comes
 * before <main> and spans the page: anchored to that column, the target drifts (measured:
 * 596 px at 1440 px, never landing). Excluded from anchoring, the anchor is in the content.
 * Any page's content could ship this rule; it restyles nothing.
 */
export const FRAME_ANCHOR_STYLE = '.right-sidebar-container{overflow-anchor:none}';

const attr = (n: PElement, name: string) => n.attrs.find((a) => a.name === name)?.value;
const classes = (n: PElement) => (attr(n, 'class') ?? '').split(/\s+/).filter(Boolean);
const textOf = (n: PNode): string => ('value' in n ? n.value : 'childNodes' in n ? n.childNodes.map(textOf).join('') : '');

/** A <script>, <style> or <noscript> the catalog page adds: our component bundles, the landing script, our inline styles. */
function isOurs(n: PElement): boolean {
  if (n.tagName === 'script') {
    const src = attr(n, 'src');
    if (src !== undefined) return OUR_COMPONENTS.has(/\/([^/]+)\.astro_astro_type_script_/.exec(src)?.[1] ?? '');
  }
  if (n.tagName !== 'script' && n.tagName !== 'style' && n.tagName !== 'noscript') return false;
  const text = textOf(n);
  return OUR_SELECTOR.test(text) || text.includes(`function ${keepTargetInPlace.name}(`);
}

/**
 * `builtPageHtml` (the errors page as the site's build wrote it) with its catalog (the one
 * `.ec-page` element) replaced by the floor's sections of `model`, the floor's one rule and
 * FRAME_ANCHOR_STYLE, and our scripts and inline styles removed; the host's markup, stylesheets (every
 * `<link rel=stylesheet>`) and scripts are kept as built. Throws unless the page has
 * exactly one catalog container, or if anything of ours is left: a benchmark must not
 * silently measure the wrong page.
 */
export function hostFloorHtml(builtPageHtml: string, model: CatalogModel): string {
  const containers: PElement[] = [];
  const ours: PElement[] = [];
  const stack: PNode[] = [parse(builtPageHtml, { sourceCodeLocationInfo: true })];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n && classes(n).includes('ec-page')) containers.push(n);
    else if ('tagName' in n && isOurs(n)) ours.push(n);
    else {
      if ('content' in n) stack.push(n.content);
      if ('childNodes' in n) stack.push(...n.childNodes);
    }
  }
  if (containers.length !== 1) throw new Error(`hostFloorHtml: expected the catalog's one .ec-page element, found ${containers.length}`);
  const edits = [
    { node: containers[0]!, text: `<style>${FLOOR_STYLE}${FRAME_ANCHOR_STYLE}</style>${floorBody(model)}` },
    ...ours.map((node) => ({ node, text: '' })),
  ].map(({ node, text }) => {
    const at = node.sourceCodeLocation;
    // Elements the parser made up (none of ours is) have no place in the text.
    if (!at) throw new Error(`hostFloorHtml: <${node.tagName}> has no position in the built page`);
    return { from: at.startOffset, to: at.endOffset, text };
  });
  edits.sort((a, b) => a.from - b.from);
  let html = '';
  let at = 0;
  for (const e of edits) {
    html += builtPageHtml.slice(at, e.from) + e.text;
    at = e.to;
  }
  html += builtPageHtml.slice(at);
  const left = /<[a-z][^>]*\sclass="(?:[^"]*\s)?ec-[^"]*"[^>]*>/.exec(html);
  if (left) throw new Error(`hostFloorHtml: an element of the catalog's is left: ${left[0]}`);
  return html;
}

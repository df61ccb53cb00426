// Colours for the examples of a large page, painted when their code's section comes into
// view: the HTML carries each example's text, and after the codes every code's runs (a JSON
// object, code -> runs of its examples in page order, written by pageColours() in
// ../highlight.ts), and this builds the same class-coloured spans that small pages get at
// build time. Sections use `content-visibility: auto`; the browser says
// when one starts being shown (`contentvisibilityautostatechange`), so only sections a
// reader comes near are ever painted. Without JavaScript the text is shown uncoloured.
import { COLOURS_ID, paintsWhenShown } from './colours-data.ts';
import { addExampleCopy, labelCopyLink } from './copy.ts';

/** Class indexes as letters, as highlightLazily() in ../highlight.ts writes them. */
export const RUN_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The block's text cut into [class names, text] as `runs` says: per run a length, then `-`
 * (no class) or a light and a dark letter (`_`: none) and flags (`+` italic, `^` bold).
 */
export function decodeRuns(text: string, runs: string): [cls: string, text: string][] {
  const out: [string, string][] = [];
  const index = (letter: string) => RUN_LETTERS.indexOf(letter);
  let at = 0;
  for (const [, len, light = '_', dark = '_', flags = ''] of runs.matchAll(/(\d+)(?:-|([a-zA-Z_])([a-zA-Z_])([+^]*))/g)) {
    const cls = [light !== '_' && `l${index(light)}`, dark !== '_' && `d${index(dark)}`, flags.includes('+') && 'i', flags.includes('^') && 'b'].filter(Boolean).join(' ');
    out.push([cls, text.slice(at, (at += Number(len)))]);
  }
  // Text the runs do not cover (a mismatch would be a bug) stays, uncoloured.
  if (at < text.length) out.push(['', text.slice(at)]);
  return out;
}

/** Replaces the block's text with the spans its runs describe. */
export function paintExample(pre: HTMLElement, runs: string): void {
  if (!runs) return; // not highlighted (plain text)
  const doc = pre.ownerDocument;
  const out = doc.createDocumentFragment();
  for (const [cls, piece] of decodeRuns(pre.textContent ?? '', runs)) {
    if (!cls) {
      out.append(piece);
      continue;
    }
    const span = doc.createElement('span');
    span.className = cls;
    span.textContent = piece;
    out.append(span);
  }
  pre.replaceChildren(out);
}

/** Code -> its examples' runs, read once from the page when the first section is shown. */
const coloursOf = new WeakMap<Document, Record<string, string>>();
function colours(doc: Document): Record<string, string> {
  let found = coloursOf.get(doc);
  if (!found) {
    try {
      found = JSON.parse(doc.getElementById(COLOURS_ID)?.textContent || '{}') as Record<string, string>;
    } catch {
      found = {};
    }
    coloursOf.set(doc, found);
  }
  return found;
}

const painted = new WeakSet<Element>();

/**
 * A code's section as it is shown: every example painted (tabs not shown included: a tab
 * switch does not show a section), in its figure with its copy button, and the section's
 * copy-link button named. A block without a caption comes without its figure (Example.astro):
 * the figure it gets here has the margin the block had, so nothing moves.
 */
function paintSection(section: Element): void {
  if (painted.has(section)) return;
  painted.add(section);
  labelCopyLink(section);
  const runs = (colours(section.ownerDocument)[section.querySelector('h3')?.id ?? ''] ?? '').split(' ');
  for (const [i, pre] of [...section.querySelectorAll<HTMLElement>('pre.ec-pre')].entries()) {
    paintExample(pre, runs[i] ?? '');
    let figure = pre.closest('figure.ec-example');
    if (!figure) {
      figure = pre.ownerDocument.createElement('figure');
      figure.className = 'ec-example';
      pre.replaceWith(figure);
      figure.append(pre);
    }
    addExampleCopy(figure);
  }
}

/** Paints examples in sections as they are shown, and those already shown. */
export function paintExamplesWhenShown(doc: Document): void {
  if (!paintsWhenShown(doc)) return; // a small page, coloured at build time
  doc.addEventListener(
    'contentvisibilityautostatechange',
    (event) => {
      if (!(event as Event & { skipped: boolean }).skipped) paintSection(event.target as Element);
    },
    true,
  );
  // Sections the browser showed before this listener existed (it decides in the first
  // frames, this module runs after parsing): every section within three screens of the
  // viewport, more than the browser's margin for showing one. One layout, then cheap reads
  // (checkVisibility() per section took 80 ms on 1,000 codes).
  const h = doc.defaultView?.innerHeight ?? 0;
  for (const section of doc.querySelectorAll('section.ec-code')) {
    const r = section.getBoundingClientRect();
    if (r.height && r.bottom > -3 * h && r.top < 4 * h) paintSection(section);
  }
}

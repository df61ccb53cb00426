// Colours for the examples of a large page, painted when their code's section comes into
// view: the HTML carries each example's text and its runs (`data-hl`, written by
// highlightLazily() in ../highlight.ts), and this builds the same class-coloured spans that
// small pages get at build time. Sections use `content-visibility: auto`; the browser says
// when one starts being shown (`contentvisibilityautostatechange`), so only sections a
// reader comes near are ever painted. Without JavaScript the text is shown uncoloured.
import { addExampleCopy } from './copy.ts';

/** The block's text cut into [class names, text] as `runs` says ("len" or "len:light.dark[i][b]"). */
export function decodeRuns(text: string, runs: string): [cls: string, text: string][] {
  const out: [string, string][] = [];
  let at = 0;
  for (const run of runs.split(',')) {
    const [len, code = ''] = run.split(':');
    const m = /^(\d*)\.(\d*)(i?)(b?)$/.exec(code);
    const cls = m ? [m[1] && `l${m[1]}`, m[2] && `d${m[2]}`, m[3], m[4]].filter(Boolean).join(' ') : '';
    out.push([cls, text.slice(at, (at += Number(len)))]);
  }
  // Text the runs do not cover (a mismatch would be a bug) stays, uncoloured.
  if (at < text.length) out.push(['', text.slice(at)]);
  return out;
}

/** Replaces the block's text with the spans its `data-hl` describes. */
export function paintExample(pre: HTMLElement): void {
  const runs = pre.dataset.hl;
  delete pre.dataset.hl;
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

/** Every example of a code, tabs not shown included (a tab switch does not show a section), with its copy button. */
function paintSection(section: Element): void {
  for (const pre of section.querySelectorAll<HTMLElement>('pre[data-hl]')) {
    paintExample(pre);
    const figure = pre.closest('figure.ec-example');
    if (figure) addExampleCopy(figure);
  }
}

/** Paints examples in sections as they are shown, and those already shown. */
export function paintExamplesWhenShown(doc: Document): void {
  if (!doc.querySelector('pre[data-hl]')) return; // a small page, coloured at build time
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

// Lands a deep link as soon as its heading exists, and keeps it there. The page puts this
// function, as source, in an inline <script> in its <head> (see inlineScript()), so it runs
// before the body is parsed: every frame it looks for the #fragment's element and, once
// there, scrolls it to its place. The browser's own fragment scroll waits for the whole
// document and every deferred module script; on a large page that is hundreds of ms later.
// Until the target is parsed the reader sees none of the catalog's content: the site's
// header, sidebar and title paint as soon as they arrive, while the content stays hidden
// (content-visibility: hidden on .ec-page). Frames of the content's top would cost layouts
// of a growing document, which slows the parser down, and show a top the reader did not ask
// for. On a small page nothing is painted at all until the target is parsed (a
// render-blocking <link rel=expect>): it parses faster than the header's own frame would
// come, and its first frame is the landed one. On a very large page nothing waits: the
// frame that would reveal the content there costs more than painting it as it comes (see
// holdFor()). Both holds are bounded: a few hundred ms on a slow link, then the content
// paints as it arrives. (Holding every frame on every page, as this did before, kept a
// large page or a slow phone white for up to 2 s, the header too.)
//
// It then keeps the target in place: code sections use `content-visibility: auto`, laid out
// at an estimated height until they come near the viewport, and when sections above the
// target take their real size (or the document grows below a target it could not yet
// scroll to) the target would drift. Every frame puts it back, until the reader scrolls,
// types or clicks; the watch ends once the page has loaded and the target has not moved for
// a while. In-page jumps ("On this page", search results, code links) are kept the same way.
// Without JavaScript every section is laid out (see the page's <noscript> style), so the
// browser's own fragment scroll is exact.
//
// Self-contained on purpose (no imports, no outer names): it is serialized with toString().
// `hold`: what waits for the target (see holdFor()): every frame, the content, or nothing.
export function keepTargetInPlace(hold: LandingHold): void {
  const STILL_FRAMES = 30;
  const MAX_MS = 15_000;
  const INPUT = ['wheel', 'touchstart', 'keydown', 'mousedown'];
  const fragment = () => {
    const raw = location.hash.slice(1);
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  // The browser renders the sections near the viewport only after this frame's scroll, and
  // they then take their real height: the target would show off place in the first frame
  // and jump in the next. Laying out the few sections around it now, before the scroll,
  // makes that first frame exact (sections further up keep their estimate: off screen,
  // they move nothing that is seen).
  const NEAR = 3;
  const layOutAround = (el: HTMLElement) => {
    const section = el.closest('section');
    if (!section || getComputedStyle(section).contentVisibility !== 'auto') return;
    const all = Array.from(document.querySelectorAll<HTMLElement>('section.ec-code'));
    const at = all.indexOf(section);
    for (const s of all.slice(Math.max(0, at - NEAR), at + NEAR + 1)) s.style.contentVisibility = 'visible';
  };
  // Shows the content the landing hold hid (below); nothing until then.
  let reveal = () => {};
  const watch = (): (() => void) => {
    const id = fragment();
    if (!id) return () => {};
    let target: HTMLElement | null = null;
    let want = 0;
    /** Document height when the target was placed at the very bottom of the page, else -1. */
    let clampedAt = -1;
    let still = 0;
    let stopped = false;
    const start = performance.now();
    const stop = () => {
      stopped = true;
      reveal();
      for (const type of INPUT) removeEventListener(type, stop, true);
    };
    for (const type of INPUT) addEventListener(type, stop, { capture: true, passive: true });
    const place = (el: HTMLElement) => {
      layOutAround(el);
      el.scrollIntoView({ block: 'start', behavior: 'instant' });
      const root = document.scrollingElement ?? document.documentElement;
      // At the end of a document still being parsed the target may not reach its place yet:
      // place it again when the document grows.
      clampedAt = root.scrollTop >= root.scrollHeight - innerHeight - 1 ? root.scrollHeight : -1;
      want = el.getBoundingClientRect().top;
    };
    const tick = () => {
      if (stopped) return;
      const parsed = document.readyState !== 'loading';
      if (!target) {
        target = document.getElementById(id);
        // An anchor that names nothing (the page's notice handles it): nothing to keep.
        if (!target) return parsed ? stop() : void requestAnimationFrame(tick);
        reveal();
        place(target);
      } else if (Math.abs(target.getBoundingClientRect().top - want) > 1 || (clampedAt >= 0 && clampedAt !== (document.scrollingElement ?? document.documentElement).scrollHeight)) {
        place(target);
        still = 0;
      } else if (document.readyState === 'complete') still++;
      if (still >= STILL_FRAMES || performance.now() - start > MAX_MS) return stop();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return stop;
  };
  // How long the content (on a small page, every frame) may stay hidden, from this
  // script's run, while the document is still arriving, and at most once it has arrived and
  // is only being parsed (1,000 codes parse in about 1 s on a busy 2-core machine).
  const HOLD_MS = 300;
  const HOLD_PARSING_MS = 2_000;
  /** The whole document has arrived (responseEnd stays 0 until then). */
  const downloaded = () => ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? 0) > 0;
  // A reload or back/forward restores the reader's own scroll position: leave it.
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const landing = !nav || nav.type === 'navigate';
  // Only while a render-blocking element may still be added (no <body> yet). The watch
  // reveals the content as it places the target, or once the document is parsed without
  // one. On a slow link the target may be seconds away: the content's top painted now, with
  // the target landed when it comes, is better than an empty page all that time.
  if (hold !== 'none' && landing && location.hash.length > 1 && !document.body) {
    const hide = document.createElement('style');
    hide.textContent = '.ec-page{content-visibility:hidden}';
    const expect = document.createElement('link');
    expect.rel = 'expect';
    expect.href = location.hash;
    expect.setAttribute('blocking', 'render');
    document.head.append(...(hold === 'frames' ? [hide, expect] : [hide]));
    reveal = () => {
      expect.remove();
      hide.remove();
    };
    setTimeout(() => {
      // Still downloading: the network, not the parser, is what the reader waits for.
      if (!downloaded()) return reveal();
      // Every byte is in and only parsing is left (a fast link): stay hidden for an exact
      // first view of the content, as painting it would only slow the parser down, but not
      // unboundedly (a slow CPU).
      setTimeout(reveal, HOLD_PARSING_MS - HOLD_MS);
    }, HOLD_MS);
  }
  let stop = landing ? watch() : () => {};
  addEventListener('hashchange', () => {
    stop();
    stop = watch();
  });
}

export type LandingHold = 'frames' | 'content' | 'none';

/**
 * What waits for a deep link's target on a page of `codes` codes, from A/B runs in turns
 * (bench/RESULTS.md). Up to 150, every frame: at 100 codes it lands in the first frame, in
 * 0.66× the time of painting the header first (at 300 the header first lands as soon and
 * paints in 0.55× the time). Up to 5,000, the content only: at 1,000 and 3,000 codes it
 * lands in 0.70-0.71× the time of painting progressively. Above, nothing: at 10,000 codes
 * the frame that reveals the content costs about 300 ms (styling and laying out every
 * section above the target at once), and painting progressively landed in 0.69-0.78× the
 * time. (5,000 is between the sizes measured, not a measured crossing.)
 */
export function holdFor(codes: number): LandingHold {
  return codes <= 150 ? 'frames' : codes <= 5_000 ? 'content' : 'none';
}

/** A self-contained function as the source of an inline script that calls it with `args` (as JSON). */
export function inlineScript<A extends unknown[]>(fn: (...args: A) => void, ...args: A): string {
  return `(${fn.toString().replace(/\n\s*/g, "\n")})(${args.map((a) => JSON.stringify(a)).join(', ')});`;
}

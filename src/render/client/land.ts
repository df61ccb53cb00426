// Keeps a linked heading where the browser put it. Code sections use
// `content-visibility: auto`: until a section comes near the viewport it is laid out at an
// estimated height, and when sections above the target take their real size the target
// would drift. After a deep link (and after every in-page jump: "On this page", search
// results, code links), until the reader scrolls, types or clicks, every frame puts the
// target back at its scroll position; the watch ends once the page has loaded and the
// target has not moved for a while. Without JavaScript every section is laid out (see the
// page's <noscript> style), so the browser's own fragment scroll is exact.
import { fragmentOf } from './unknown-anchor.ts';

const STILL_FRAMES = 30;
const MAX_MS = 15_000;
const INPUT = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

export function keepTargetInPlace(win: Window & typeof globalThis = window): void {
  // A reload or back/forward restores the reader's own scroll position: leave it.
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  let stop = nav && nav.type !== 'navigate' ? () => {} : watch(win);
  win.addEventListener('hashchange', () => {
    stop();
    stop = watch(win);
  });
}

/** Watches the current #fragment's element; returns a function that ends the watch. */
function watch(win: Window & typeof globalThis): () => void {
  const doc = win.document;
  const id = fragmentOf(win.location.hash);
  const target = id ? doc.getElementById(id) : null;
  if (!target) return () => {};
  let stopped = false;
  let still = 0;
  const start = performance.now();
  const stop = () => {
    stopped = true;
    for (const type of INPUT) win.removeEventListener(type, stop, true);
  };
  for (const type of INPUT) win.addEventListener(type, stop, { capture: true, passive: true });
  let want = place(target);
  const tick = () => {
    if (stopped) return;
    const top = target.getBoundingClientRect().top;
    if (Math.abs(top - want) > 1) {
      want = place(target);
      still = 0;
    } else if (doc.readyState === 'complete') still++;
    if (still >= STILL_FRAMES || performance.now() - start > MAX_MS) return stop();
    win.requestAnimationFrame(tick);
  };
  win.requestAnimationFrame(tick);
  return stop;
}

/** Scroll the target to its place (as the fragment navigation did); returns its top. */
function place(target: HTMLElement): number {
  target.scrollIntoView({ block: 'start', behavior: 'instant' });
  return target.getBoundingClientRect().top;
}

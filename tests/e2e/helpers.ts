import { expect, type Locator, type Page } from '@playwright/test';
import { checkCatalog } from '../../src/check/check.ts';
import type { CatalogModel } from '../../src/model/model.ts';
import { catalogDir } from '../../src/config.ts';

/** The catalog `npm run build` used for dist/: the same setting, CATALOG_DIR (default ./catalog). */
export const SITE_CATALOG = catalogDir();
/** `npm run build:almyty` builds dist-almyty/ from this one. */
export const ALMYTY_CATALOG = 'examples/almyty/catalog';

export function loadModel(dir: string): CatalogModel {
  const r = checkCatalog(dir);
  if (!r.model) throw new Error(`${dir} does not pass the check`);
  return r.model;
}

/** Path + hash of a docs_url, to open against the local server. */
export function localPath(docsUrl: string): string {
  const u = new URL(docsUrl);
  return u.pathname + u.hash;
}

/** The element is inside the viewport and not under Starlight's sticky header. */
export async function expectInView(page: Page, el: Locator): Promise<void> {
  await expect(el).toBeInViewport();
  // Polls, so a smooth scroll in progress may finish.
  await expect
    .poll(
      () =>
        el.evaluate((e) => {
          const top = e.getBoundingClientRect().top;
          // Bottom of whatever Starlight pins at the top: the header, and on narrow screens the
          // "On this page" bar.
          let covered = 0;
          for (const sel of ['header.header', 'mobile-starlight-toc nav']) {
            const bar = document.querySelector(sel);
            if (bar && bar.getClientRects().length && getComputedStyle(bar).display !== 'none') {
              covered = Math.max(covered, bar.getBoundingClientRect().bottom);
            }
          }
          return top >= covered - 1 && top < innerHeight ? 'visible' : `top ${top} under ${covered}`;
        }),
      { message: 'below the sticky header, inside the viewport' },
    )
    .toBe('visible');
}

/**
 * Waits for the element to match :target. The page's own script lands a deep link as soon as
 * its heading is parsed; the browser sets :target only when it runs its own fragment scroll,
 * once the whole document is parsed. On a busy machine that can come after the heading is
 * already in view, so a single read would race the parser.
 */
export async function expectTarget(el: Locator, message?: string): Promise<void> {
  await expect.poll(() => el.evaluate((e) => e.matches(':target')), { message }).toBe(true);
}

/** Where an element is, and what bounds the scroll that would bring it to its target. */
interface Geometry {
  /** The element's top in the viewport. */
  top: number;
  scrollTop: number;
  /** scroll-padding-top of the root plus the element's scroll-margin-top. */
  pad: number;
  scrollHeight: number;
  innerHeight: number;
}

/** The element's offset from where a fragment navigation puts it (0 = exactly on target). */
function offsetFromTarget(g: Geometry): number {
  const scroll = Math.min(Math.max(g.top + g.scrollTop - g.pad, 0), g.scrollHeight - g.innerHeight);
  return g.top - (g.top + g.scrollTop - scroll);
}

/** The element `id`'s Geometry, read in the page (self-contained: it is serialized). */
function geometryOf(id: string): Geometry | undefined {
  const el = document.getElementById(id);
  if (!el) return undefined;
  const px = (v: string) => parseFloat(v) || 0;
  const root = document.scrollingElement ?? document.documentElement;
  return {
    top: el.getBoundingClientRect().top,
    scrollTop: root.scrollTop,
    pad: px(getComputedStyle(document.documentElement).scrollPaddingTop) + px(getComputedStyle(el).scrollMarginTop),
    scrollHeight: root.scrollHeight,
    innerHeight,
  };
}

/** The heading `id`'s offset from its target now (0 = exactly on target). */
export async function offTarget(page: Page, id: string): Promise<number> {
  const g = await page.evaluate(geometryOf, id);
  if (!g) throw new Error(`no element #${id}`);
  return offsetFromTarget(g);
}

/** What a painted frame showed of the element `id`. */
export interface Frame {
  /** The element existed when the frame was painted. */
  present: boolean;
  /** Its offset from where a fragment navigation puts it (0 = on target), when present. */
  off: number;
  /** The page was scrolled at all (a frame of the page's top shows the reader nothing they asked for). */
  scrollY: number;
  /** The site's header existed when the frame was painted. */
  header: boolean;
}

/** The first frame painted on a navigation, and the first that showed any of the catalog's content. */
export interface FirstFrame extends Frame {
  content: Frame;
}

/**
 * Opens `url` and reports the first frame the browser painted, and the first that showed
 * the catalog's content (.ec-page not hidden: land.ts hides it until the target is parsed).
 * A resize observation on the root, renewed every animation frame, runs once per rendered
 * frame after layout, so its first call sees what the first painted frame shows; while
 * rendering is blocked it does not run at all.
 */
export async function firstFrame(page: Page, url: string, id: string): Promise<FirstFrame> {
  await page.addInitScript({ content: `(${recordFirstFrame})(${JSON.stringify(id)}, ${geometryOf});` });
  await page.goto(url, { timeout: 90_000 });
  await page.waitForLoadState('load');
  await page.waitForFunction(() => (window as unknown as { __firstContent?: unknown }).__firstContent !== undefined);
  const [first, content] = await page.evaluate(() => {
    const w = window as unknown as { __first: Recorded; __firstContent: Recorded };
    return [w.__first, w.__firstContent];
  });
  const frame = (r: Recorded): Frame => ({ present: !!r.geometry, off: r.geometry ? offsetFromTarget(r.geometry) : Number.NaN, scrollY: r.scrollY, header: r.header });
  return { ...frame(first), content: frame(content) };
}

interface Recorded {
  geometry?: Geometry;
  scrollY: number;
  header: boolean;
}

/** Runs in the page from its start (self-contained: it is serialized with geometryOf). */
function recordFirstFrame(id: string, read: typeof geometryOf): void {
  const w = window as unknown as { __first?: Recorded; __firstContent?: Recorded };
  const ro = new ResizeObserver(() => {
    const seen = () => ({ geometry: read(id), scrollY: (document.scrollingElement ?? document.documentElement).scrollTop, header: !!document.querySelector('header.header') });
    w.__first ??= seen();
    const content = document.querySelector('.ec-page');
    if (content && getComputedStyle(content).contentVisibility !== 'hidden') w.__firstContent ??= seen();
  });
  const tick = () => {
    ro.disconnect();
    if (w.__firstContent) return;
    ro.observe(document.documentElement);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

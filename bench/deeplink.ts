// Deep links in Debian's Chromium: from navigation start to the linked heading being
//  - in view: inside the viewport (the first frame it is), and
//  - landed: at its scroll target (within 2 px) for good: the first frame after which it
//    never left that position again, watched until the page has been still for a while.
// A page that shows the heading 400 px off target and then jumps is in view early but
// lands late. Also the browser's own first paint (any pixel of the page), and optionally a
// slow CPU, a slow link, and a host that does not compress. Median of several cold navigations; a navigation that never lands counts as
// NaN (and makes the median NaN if it is the middle one).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM } from '../scripts/chromium.ts';
import { freePort } from '../tests/helpers/dev-server.ts';

/** The heading must stay on target this long after load before its landing time counts. */
const STILL_MS = 1500;

export interface DeepLinkFigures {
  inViewMs: number;
  landedMs: number;
  /**
   * The first frame with anything of the page's body, timed like the others at the frame's
   * start. (The paint timing API's first-paint is the frame's presentation, later by the
   * compositor's delay: on a busy machine hundreds of ms, and after "landed".)
   */
  firstPaintMs: number;
}

/** How the navigations are taken. */
export interface Conditions {
  viewport?: { width: number; height: number };
  /** CPU slowdown factor (DevTools' CPU throttling), e.g. 4. */
  cpu?: number;
  /** A slow link (DevTools' network throttling): round trip and bandwidth. */
  network?: { rttMs: number; downBps: number; upBps: number };
  /** Served compressed, as hosts do (brotli or gzip); false: a host that does not compress. */
  compress?: boolean;
}

/** A phone on a slow link: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
export const SLOW_LINK = { rttMs: 150, downBps: 1.6e6, upBps: 750e3 };

export async function serve(dir: string, port: number, compress = true) {
  const child = spawn(process.execPath, [resolve('scripts/serve.ts'), dir, String(port), ...(compress ? [] : ['--no-compress'])], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once('data', () => ok());
    child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return child;
}

interface Probe {
  inView?: number;
  /** Start of the current run of frames on target; undefined while off target. */
  onSince?: number;
  last: number;
  /** The first frame painted with content in the body. */
  firstFrame?: number;
}

/**
 * Runs in the page from the first moment the document exists: looks at the heading in every
 * frame, as that frame is painted. A frame's animation callbacks run first (the probe's own,
 * registered first, then the page's), then style and layout, then resize observations, then
 * paint: the probe reads the heading from a resize observation (observing the root anew each
 * frame makes it report every frame), so what it sees is what the frame shows, after any
 * script of the page has moved things in that frame, and it is timed at the frame's start.
 */
function probe(id: string): void {
  const w = window as unknown as { __probe: Probe };
  w.__probe = { last: 0 };
  const px = (v: string) => parseFloat(v) || 0;
  const look = () => {
    const p = w.__probe;
    const el = document.getElementById(id);
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (p.inView === undefined && r.top >= 0 && r.bottom <= innerHeight && r.height > 0) p.inView = p.last;
    // Where a fragment navigation puts the heading: scroll-padding + scroll-margin from
    // the top, unless the page cannot scroll that far.
    const root = document.scrollingElement ?? document.documentElement;
    const pad = px(getComputedStyle(document.documentElement).scrollPaddingTop) + px(getComputedStyle(el).scrollMarginTop);
    const abs = r.top + root.scrollTop;
    const scroll = Math.min(Math.max(abs - pad, 0), root.scrollHeight - innerHeight);
    const on = r.height > 0 && Math.abs(r.top - (abs - scroll)) <= 2;
    if (!on) p.onSince = undefined;
    else p.onSince ??= p.last;
  };
  const painted = new ResizeObserver(look);
  const tick = () => {
    w.__probe.last = performance.now();
    if (w.__probe.firstFrame === undefined && document.body?.firstElementChild) w.__probe.firstFrame = w.__probe.last;
    painted.disconnect();
    painted.observe(document.documentElement);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export interface DeepLinkTarget {
  /** The built site's directory. */
  dir: string;
  pagePath: string;
  /** The fragment: the heading's id. */
  code: string;
}

/**
 * Cold navigations to each target's deep link, taken in turns (first, second, third, first,
 * ...), so a busy spell of the machine falls on every page alike; medians per target.
 */
export async function deepLinks(targets: DeepLinkTarget[], runs = 5, conditions: Conditions = {}): Promise<DeepLinkFigures[]> {
  const { viewport = { width: 1280, height: 800 }, compress = true } = conditions;
  const servers: { port: number; child: Awaited<ReturnType<typeof serve>> }[] = [];
  const browser = await chromium.launch(CHROMIUM);
  try {
    for (const t of targets) {
      const port = await freePort();
      servers.push({ port, child: await serve(t.dir, port, compress) });
    }
    const inView: number[][] = targets.map(() => []);
    const landed: number[][] = targets.map(() => []);
    const painted: number[][] = targets.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (const [n, t] of targets.entries()) {
        const p = await navigate(browser, `http://127.0.0.1:${servers[n]!.port}${t.pagePath.replace(/\/$/, '')}/#${t.code}`, t.code, { ...conditions, viewport });
        inView[n]!.push(p.inViewMs);
        landed[n]!.push(p.landedMs);
        painted[n]!.push(p.firstPaintMs);
      }
    }
    return targets.map((_, n) => ({ inViewMs: median(inView[n]!), landedMs: median(landed[n]!), firstPaintMs: median(painted[n]!) }));
  } finally {
    await browser.close();
    for (const s of servers) s.child.kill();
  }
}

async function navigate(browser: Browser, url: string, code: string, conditions: Conditions): Promise<DeepLinkFigures> {
  const context = await browser.newContext({ viewport: conditions.viewport });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe, code);
    if (conditions.cpu || conditions.network) {
      const cdp = await context.newCDPSession(page);
      if (conditions.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpu });
      if (conditions.network) {
        const { rttMs, downBps, upBps } = conditions.network;
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rttMs, downloadThroughput: downBps / 8, uploadThroughput: upBps / 8 });
      }
    }
    // A load that never ends (seen once in ten uncompressed slow-link loads of the 2.6 MB
    // page) counts as never landed, with what the probe saw until then; the run goes on.
    const loaded = await page.goto(url, { waitUntil: 'load', timeout: 300_000 }).then(() => true, () => false);
    if (!loaded) {
      const seen = (await page.evaluate(() => (window as unknown as { __probe?: Probe }).__probe).catch(() => undefined)) as Probe | undefined;
      return { inViewMs: seen?.inView ?? Number.NaN, landedMs: Number.NaN, firstPaintMs: seen?.firstFrame ?? Number.NaN };
    }
    // Wait until the heading has been on target for STILL_MS (or give up after 60 s).
    const settled = await page
      .waitForFunction(
        (still: number) => {
          const p = (window as unknown as { __probe?: Probe }).__probe;
          return p?.onSince !== undefined && p.last - p.onSince >= still ? p : undefined;
        },
        STILL_MS,
        { timeout: 60_000, polling: 100 },
      )
      .then((h) => h.jsonValue() as Promise<Probe>)
      .catch(() => undefined);
    const p = settled ?? ((await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe)) as Probe);
    return { inViewMs: p.inView ?? Number.NaN, landedMs: settled?.onSince ?? Number.NaN, firstPaintMs: p.firstFrame ?? Number.NaN };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b));
  return sorted[Math.floor(sorted.length / 2)]!;
}

// Which CSS selectors a deep link's style recalculations spend their time on: one cold
// navigation traced with Blink's selector statistics (`disabled-by-default-blink.debug`,
// what DevTools' "Enable CSS selector stats" records), summed per selector over the load.
// A diagnostic, not a benchmark row: one navigation, so run it a few times on a quiet
// machine and compare orders of magnitude, not milliseconds. It also records Blink's
// invalidation tracking (`disabled-by-default-devtools.timeline.invalidationTracking`) and
// counts, per element and reason, what marked elements for a style recalculation (e.g.
// `BODY ... Affected by :has()`: why <body> is restyled in every frame while the page parses).
//   npx node bench/selector-stats.ts <built site> <page path> <heading id> [width] [height] [top]
// e.g. npx node bench/selector-stats.ts .tmp/bench/site-10000 /concepts/errors server_generated_error_9995 1440 900
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../scripts/chromium.ts';
import { serve } from './deeplink.ts';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { selector_stats?: { selector_timings?: SelectorTiming[] }; data?: { nodeName?: string; reason?: string } };
}
interface SelectorTiming {
  selector: string;
  'elapsed (us)'?: number;
  match_attempts?: number;
  match_count?: number;
  fast_reject_count?: number;
}
interface Totals {
  us: number;
  attempts: number;
  matches: number;
  rejects: number;
}

const [dir, pagePath, id, width = '1440', height = '900', top = '15'] = process.argv.slice(2);
if (!dir || !pagePath || !id) {
  console.error('usage: selector-stats.ts <built site> <page path> <heading id> [width] [height] [top]');
  process.exit(2);
}
const port = 5600 + (process.pid % 2000);
const server = await serve(dir, port);
const browser = await chromium.launch(CHROMIUM);
try {
  const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-blink.debug', 'disabled-by-default-devtools.timeline.invalidationTracking'], recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  await page.goto(`http://127.0.0.1:${port}${pagePath.replace(/\/$/, '')}/#${id}`, { waitUntil: 'load', timeout: 300_000 });
  await page.waitForTimeout(1500); // the sections around the target take their real size
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  await complete;

  const spent = (name: string) => events.filter((e) => e.name === name && e.ph === 'X').reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const recalcs = events.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X').length;
  const bySelector = new Map<string, Totals>();
  for (const e of events)
    for (const s of e.args?.selector_stats?.selector_timings ?? []) {
      const t = bySelector.get(s.selector) ?? { us: 0, attempts: 0, matches: 0, rejects: 0 };
      t.us += s['elapsed (us)'] ?? 0;
      t.attempts += s.match_attempts ?? 0;
      t.matches += s.match_count ?? 0;
      t.rejects += s.fast_reject_count ?? 0;
      bySelector.set(s.selector, t);
    }
  const matching = [...bySelector.values()].reduce((sum, t) => sum + t.us, 0) / 1000;
  console.log(`style recalculation ${spent('UpdateLayoutTree').toFixed(0)} ms in ${recalcs}, of which selector matching ${matching.toFixed(0)} ms (${bySelector.size} selectors); HTML parsing ${spent('ParseHTML').toFixed(0)} ms; layout ${spent('Layout').toFixed(0)} ms`);
  const marked = new Map<string, number>();
  for (const e of events.filter((e) => e.name === 'StyleRecalcInvalidationTracking')) {
    const key = `${(e.args?.data?.nodeName ?? '?').replace(/ .*/, '')}: ${e.args?.data?.reason ?? '?'}`;
    marked.set(key, (marked.get(key) ?? 0) + 1);
  }
  console.log('marked for style recalculation (element: reason, times):');
  for (const [key, n] of [...marked].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${String(n).padStart(8)}  ${key}`);
  console.log('     ms   attempts    matches  fast-rejected  selector');
  for (const [selector, t] of [...bySelector].sort((a, b) => b[1].us - a[1].us).slice(0, Number(top)))
    console.log(`${(t.us / 1000).toFixed(1).padStart(7)} ${String(t.attempts).padStart(10)} ${String(t.matches).padStart(10)} ${String(t.rejects).padStart(14)}  ${selector}`);
} finally {
  await browser.close();
  server.kill();
}

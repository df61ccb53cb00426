// Time from navigation start to the deep-linked heading being in the viewport, in
// Debian's Chromium, for the last code on the page (the worst case: everything above it
// must be laid out). Median of several cold navigations.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../scripts/chromium.ts';

async function serve(dir: string, port: number) {
  const child = spawn(process.execPath, [resolve('scripts/serve.ts'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once('data', () => ok());
    child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return child;
}

export async function deepLinkMs(dir: string, pagePath: string, code: string, runs = 5): Promise<number> {
  const port = 4400 + Math.floor(Math.random() * 500);
  const server = await serve(dir, port);
  const browser = await chromium.launch(CHROMIUM);
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Polls every frame from the first moment the document exists.
      await page.addInitScript((id: string) => {
        const tick = () => {
          const el = document.getElementById(id);
          if (el) {
            const r = el.getBoundingClientRect();
            if (r.top >= 0 && r.bottom <= innerHeight && r.height > 0) {
              (window as unknown as { __inView: number }).__inView = performance.now();
              return;
            }
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, code);
      await page.goto(`http://127.0.0.1:${port}${pagePath}/#${code}`, { waitUntil: 'load', timeout: 300_000 });
      const ms = await page.waitForFunction(() => (window as unknown as { __inView?: number }).__inView, undefined, { timeout: 300_000 });
      times.push(Number(await ms.jsonValue()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    await browser.close();
    server.kill();
  }
}

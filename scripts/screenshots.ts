// Screenshots of the built page for a human look: light/dark, narrow/wide, top and a
// deep-linked code. Usage: node scripts/screenshots.ts [baseURL] [outDir]
import { chromium } from '@playwright/test';
import { CHROMIUM } from './chromium.ts';

const base = process.argv[2] ?? 'http://localhost:4321';
const out = process.argv[3] ?? '/tmp/shots';
const page = process.argv[4] ?? '/concepts/errors/';
const code = process.argv[5] ?? 'rate_limit_exceeded';
const browser = await chromium.launch(CHROMIUM);
for (const theme of ['light', 'dark'] as const) {
  for (const width of [390, 1440]) {
    const ctx = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, colorScheme: theme });
    const p = await ctx.newPage();
    await p.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await p.goto(base + page);
    await p.screenshot({ path: `${out}/${theme}-${width}-top.png` });
    await p.goto(`${base}${page}#${code}`);
    await p.waitForTimeout(300);
    await p.screenshot({ path: `${out}/${theme}-${width}-${code}.png` });
    await ctx.close();
  }
}
await browser.close();
console.log('shots in', out);

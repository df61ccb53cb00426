// A generated 1,000-code catalog (bench/generate.ts), built and served by this file: deep
// links to the first, a middle and the last code land exactly on target at 1440 and
// 390 px and stay there; without JavaScript they still land in view.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateCatalog } from '../../bench/generate.ts';
import { expectInView, firstFrame, loadModel, offTarget } from './helpers.ts';

const PORT = Number(process.env.E2E_PORT ?? 4391) + 2;
const BASE = `http://localhost:${PORT}`;
const catalog = generateCatalog('.tmp/e2e/catalog-1000', 1000, { longCode: true, shipped: true });
const model = loadModel(catalog);
const picks = [model.codes[0]!, model.codes[500]!, model.codes.at(-1)!];
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(600_000);
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--catalog', catalog, '--out', '.tmp/e2e/dist-1000'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  server = spawn(process.execPath, ['scripts/serve.ts', '.tmp/e2e/dist-1000', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server!.stdout!.once('data', ok));
});
test.afterAll(() => {
  server?.kill();
});

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  for (const code of picks) {
    test(`1,000 codes: ${code.code} lands on target and stays at ${viewport.width}px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await page.goto(`${BASE}${model.pagePath}/#${code.code}`, { timeout: 90_000 });
      await page.waitForLoadState('load');
      await expect.poll(() => offTarget(page, code.code).then(Math.abs), { timeout: 30_000 }).toBeLessThanOrEqual(2);
      // For good: sampled over two seconds, as sections around it take their real size.
      for (let i = 0; i < 8; i++) {
        await page.waitForTimeout(250);
        expect(Math.abs(await offTarget(page, code.code)), `sample ${i}`).toBeLessThanOrEqual(2);
      }
      await expectInView(page, page.locator(`h3[id="${code.code}"]`));
    });
  }
}

// The header paints at once, but none of the content until the target is parsed (land.ts
// hides it meanwhile), and the sections around the target are laid out before it is
// scrolled to: the first frame painted with the content already shows the heading on
// target, not the top of the page, nor the heading off place for a frame before a jump.
for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  for (const code of picks.slice(1)) {
    test(`1,000 codes: the first frame painted with the content on a deep link to ${code.code} shows it on target at ${viewport.width}px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      const first = await firstFrame(page, `${BASE}${model.pagePath}/#${code.code}`, code.code);
      expect(first.content.present, 'the heading exists in the first painted frame with the content').toBe(true);
      expect(Math.abs(first.content.off), 'offset from its target in the first painted frame with the content').toBeLessThanOrEqual(2);
    });
  }
}

// On a slow link (a phone profile: 1.6 Mbps, 150 ms RTT, uncompressed) the 2.6 MB page
// takes seconds to arrive: the first frame is not held for the target that long. The first
// painted frame already shows the header and comes before the target is parsed; the target
// then lands when it arrives. (Ordering of events, not durations: the target is megabytes
// of download behind the header.)
test('1,000 codes on a slow link: the header paints before the target arrives, then the target lands', async ({ page, context }) => {
  test.setTimeout(180_000);
  const code = picks[1]!;
  await page.setViewportSize({ width: 390, height: 844 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  // scripts/serve.ts compresses as hosts do; this case is the host that does not.
  await page.setExtraHTTPHeaders({ 'Accept-Encoding': 'identity' });
  const first = await firstFrame(page, `${BASE}${model.pagePath}/#${code.code}`, code.code);
  expect(first.header, 'the first painted frame shows the header').toBe(true);
  expect(first.present, 'the first frame is painted before the target is parsed').toBe(false);
  // The content is not hidden the whole download long: it paints before the target arrives.
  expect(first.content.present, 'the content paints before the target is parsed').toBe(false);
  await expect.poll(() => offTarget(page, code.code).then(Math.abs), { timeout: 30_000 }).toBeLessThanOrEqual(2);
  await expectInView(page, page.locator(`h3[id="${code.code}"]`));
});

test('1,000 codes without JavaScript: the last code still lands in view and every code lays out', async ({ browser }) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  const code = model.codes.at(-1)!.code;
  await page.goto(`${BASE}${model.pagePath}/#${code}`, { timeout: 90_000 });
  await expectInView(page, page.locator(`h3[id="${code}"]`));
  expect(await page.locator('section.ec-code').count()).toBe(1000);
  expect(await page.locator('section.ec-code[hidden]').count()).toBe(0);
  await ctx.close();
});

for (const width of [1440, 390]) {
  test(`1,000 codes with a 60-character code: nothing scrolls sideways at ${width}px`, async ({ page }) => {
    test.setTimeout(120_000);
    expect(model.codes.some((c) => c.code.length === 60)).toBe(true);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${BASE}${model.pagePath}/`, { timeout: 90_000 });
    await page.addStyleTag({ content: '.ec-page .ec-code { content-visibility: visible !important }' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('1,000 codes: "On this page" and the quick navigation list categories, not every code', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${BASE}${model.pagePath}/`, { timeout: 90_000 });
  // Off-screen sections skip layout on a page this large (a small page lays out whole).
  expect(await page.locator('section.ec-code').first().evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('auto');
  expect(await page.locator('starlight-toc a').count()).toBeLessThan(30);
  expect(await page.locator('.ec-quicknav a[href^="#"]').count()).toBe(model.categories.filter((c) => c.codes.length).length);
  const bytes = (await (await page.request.get(`${BASE}${model.pagePath}/`)).body()).length;
  expect(bytes / 1000, 'HTML per code section').toBeLessThan(4096);
});

test('1,000 codes: examples are coloured, with their copy button, when their section is shown', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const near = model.codes[500]!;
  const far = model.codes[10]!;
  await page.goto(`${BASE}${model.pagePath}/#${near.code}`, { timeout: 90_000 });
  await page.waitForLoadState('load');
  const section = (code: string) => page.locator(`section.ec-code:has(h3[id="${code}"])`);
  // Shown: the same class-coloured spans a small page is built with, and a copy button.
  await expect(section(near.code).locator('pre.ec-pre span[class]').first()).toBeAttached();
  // Every block in its figure (a large page builds the block alone; painting adds it).
  await expect(section(near.code).locator('pre.ec-pre:not(figure > pre)')).toHaveCount(0);
  const block = section(near.code).locator('figure.ec-example').first();
  await block.locator('button.ec-copy-code').click();
  // The copy resolves after the click: wait for it.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(near.examples![0]!.code.replace(/\n+$/, ''));
  // Far from the viewport: plain text, no token elements, no button yet.
  await expect(section(far.code).locator('pre.ec-pre').first()).toBeAttached();
  expect(await section(far.code).locator('pre.ec-pre span, button.ec-copy-code').count()).toBe(0);
  await page.locator(`h3[id="${far.code}"]`).scrollIntoViewIfNeeded();
  await expect(section(far.code).locator('pre.ec-pre span[class]').first()).toBeAttached();
  await expect(section(far.code).locator('button.ec-copy-code').first()).toBeAttached();
});

// The page is built without copy-link buttons (a form control less per code to parse); each
// is added, named and working, as its section is shown, where a stand-in kept its place: the
// long code's heading wraps the same on a phone before and after.
test('1,000 codes: a section gets its copy-link button when shown, and nothing in its heading row moves', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 390, height: 844 });
  const near = model.codes[500]!;
  const far = model.codes[0]!; // the 60-character code: it wraps at 390 px
  await page.goto(`${BASE}${model.pagePath}/#${near.code}`, { timeout: 90_000 });
  await page.waitForLoadState('load');
  const section = (code: string) => page.locator(`section.ec-code:has(h3[id="${code}"])`);
  const button = section(near.code).locator('button.ec-copy');
  await expect(button).toHaveAttribute('aria-label', `Copy link to ${near.code}`);
  await button.click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${model.catalog.docs_url.replace(/#.*$/, '')}#${near.code}`);
  // Far away: no button yet. Its heading row, laid out without showing the section (no
  // event), then shown (the button added): the heading's box is the same.
  await expect(section(far.code).locator('button.ec-copy')).toHaveCount(0);
  const box = () =>
    section(far.code).evaluate((s) => {
      const r = (el: Element) => el.getBoundingClientRect();
      const h3 = s.querySelector('h3')!;
      const head = h3.parentElement!;
      // To a tenth of a pixel: a section laid out while shown may differ by a layout unit (1/64 px).
      return [r(h3).width, r(h3).height, r(h3).top - r(s).top, r(head).height].map((v) => Math.round(v * 10) / 10);
    });
  await section(far.code).evaluate((s) => ((s as HTMLElement).style.contentVisibility = 'visible'));
  const before = await box();
  expect(before[1], 'the long code wraps at 390 px').toBeGreaterThan(40);
  await section(far.code).evaluate((s) => ((s as HTMLElement).style.contentVisibility = ''));
  await page.locator(`h3[id="${far.code}"]`).scrollIntoViewIfNeeded();
  await expect(section(far.code).locator('button.ec-copy')).toHaveAttribute('aria-label', `Copy link to ${far.code}`);
  expect(await box()).toEqual(before);
});

test('1,000 codes: the contract changelog folds a long release behind its count', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${BASE}${model.pagePath}/`, { timeout: 90_000 });
  const rows = page.locator('.ec-changelog tbody tr');
  await expect(rows).toHaveCount(2);
  // v1.1 added three codes: listed, each linking to its heading.
  const recent = rows.filter({ hasText: 'v1.1' }).locator('td[data-kind="added"]');
  await expect(recent.locator('a')).toHaveCount(3);
  await expect(recent.locator('details')).toHaveCount(0);
  // v1.0 added 997: a count, its list folded until opened.
  const first = rows.filter({ hasText: 'v1.0' }).locator('td[data-kind="added"] details');
  await expect(first.locator('summary')).toHaveText('997 codes');
  await expect(first.locator('a').first()).toBeHidden();
  // By keyboard: a click right after scrolling there could hit a section above that is
  // still taking its real size (content-visibility).
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('open', '');
  await expect(first.locator('a')).toHaveCount(997);
  const link = first.locator('a').first();
  await expect(link).toBeVisible();
  const code = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${code}$`));
  await expect(page.locator(`h3[id="${code}"]`)).toBeInViewport();
});

// axe over all 1,000 sections takes far too long (30,000 elements); the page frame (header,
// sidebars, intro, filters, navigation, tables, changelog) and every 100th section, shown
// and painted as a reader sees it, take seconds and cover every kind of element there is.
for (const theme of ['light', 'dark'] as const) {
  test(`1,000 codes: no serious or critical axe violations in the page frame and a sample of sections, ${theme} theme`, async ({ page }) => {
    test.setTimeout(400_000);
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(`${BASE}${model.pagePath}/`, { timeout: 90_000 });
    const sample = model.codes.filter((_, i) => i % 100 === 0).map((c) => c.code);
    for (const code of sample) {
      await page.locator(`h3[id="${code}"]`).scrollIntoViewIfNeeded();
      await expect(page.locator(`section.ec-code:has(h3[id="${code}"]) pre.ec-pre span[class]`).first()).toBeAttached();
    }
    await page.evaluate((keep) => {
      for (const s of document.querySelectorAll<HTMLElement>('section.ec-code')) {
        if (keep.includes(s.querySelector('h3')!.id)) s.style.contentVisibility = 'visible';
        else s.dataset.axeSkip = '';
      }
    }, sample);
    const results = await new AxeBuilder({ page }).setLegacyMode().exclude('[data-axe-skip]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)).toEqual([]);
    // The sample was checked: its headings are among the nodes axe passed.
    const passed = new Set(results.passes.flatMap((r) => r.nodes.flatMap((n) => n.target.map(String))));
    expect([...passed].some((t) => t.includes(sample[5]!))).toBe(true);
  });
}

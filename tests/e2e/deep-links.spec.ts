// Every code's docs_url lands on its heading: in view, below the header, :target, stable.
import { expect, test } from '@playwright/test';
import { expectInView, firstFrame, expectTarget, loadModel, localPath, SITE_CATALOG } from './helpers.ts';

const model = loadModel(SITE_CATALOG);

test('the served page has exactly the codes of the catalog the tests read (CATALOG_DIR)', async ({ page }) => {
  await page.goto(`${model.pagePath}/`);
  const ids = await page.locator('section.ec-code h3[id]').evaluateAll((hs) => hs.map((h) => h.id));
  expect(ids.sort(), `dist/ was built from ${SITE_CATALOG}: rebuild with the same CATALOG_DIR`).toEqual(model.codes.map((c) => c.code).sort());
});

test.describe('every docs_url lands on its heading', () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    for (const code of model.codes) {
      test(`${code.code} at ${viewport.width}px`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(localPath(code.docsUrl));
        const heading = page.locator(`h3[id="${code.code}"]`);
        await expect(heading).toHaveCount(1);
        await expect(heading).toHaveText(code.code);
        await expectInView(page, heading);
        await expectTarget(heading, `${code.code} is :target`);
        // Exactly one element on the page has the code as its id.
        expect(await page.locator(`[id="${code.code}"]`).count()).toBe(1);
        // The unknown-anchor notice stays hidden for a known code.
        await expect(page.locator('.ec-unknown-box')).toBeHidden();
      });
    }
  }

  test('nothing moves the target after load (no layout shift)', async ({ page }) => {
    const code = model.codes.at(-1)!;
    await page.goto(localPath(code.docsUrl));
    const heading = page.locator(`h3[id="${code.code}"]`);
    await page.waitForLoadState('load');
    const before = await heading.boundingBox();
    await page.waitForTimeout(1000);
    const after = await heading.boundingBox();
    expect(after!.y).toBeCloseTo(before!.y, 0);
    // A page this size is laid out whole: the browser's own fragment scroll is exact from the first frame.
    if (model.codes.length <= 60) expect(await heading.evaluate((h) => getComputedStyle(h.closest('section')!).contentVisibility)).toBe('visible');
    await expectInView(page, heading);
  });

  test('a deep link paints the header first, and the first frame with the page\'s content already shows its heading, not the top of the page', async ({ page }) => {
    const code = model.codes.at(-1)!;
    const first = await firstFrame(page, localPath(code.docsUrl), code.code);
    expect(first.header, 'the first painted frame shows the header').toBe(true);
    expect(first.content.present, 'the heading exists in the first frame with the content').toBe(true);
    expect(first.content.scrollY, 'the first frame with the content is scrolled toward the heading').toBeGreaterThan(0);
  });

  test('the target code section is styled as the target', async ({ page }) => {
    await page.goto(localPath(model.codes[0]!.docsUrl));
    const section = page.locator(`section.ec-code:has(h3[id="${model.codes[0]!.code}"])`);
    const shadow = await section.evaluate((e) => getComputedStyle(e).boxShadow);
    expect(shadow).not.toBe('none');
  });
});

test('plain URL /<page>/<code>/ sends the reader to the heading', async ({ page }) => {
  const code = model.codes.find((c) => c.code.includes('not_found')) ?? model.codes[0]!;
  const res = await page.request.get(`${model.pagePath}/${code.code}/`);
  const html = await res.text();
  expect(html).toContain(`<link rel="canonical" href="${code.docsUrl}"`);
  expect(html).toMatch(/http-equiv="refresh"/);
  await page.goto(`${model.pagePath}/${code.code}/`);
  await page.waitForURL(`**${model.pagePath}/#${code.code}`);
  const heading = page.locator(`h3[id="${code.code}"]`);
  await expectInView(page, heading);
  await expectTarget(heading);
});

test('without JavaScript every code is shown and the filters are hidden', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const code = model.codes.at(-1)!;
  await page.goto(localPath(code.docsUrl));
  await expect(page.locator('section.ec-code:visible')).toHaveCount(model.codes.length);
  await expect(page.locator('form.ec-filters')).toBeHidden();
  await expectInView(page, page.locator(`h3[id="${code.code}"]`));
  await ctx.close();
});

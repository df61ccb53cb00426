// The same code publishes another API's catalog: its page path, its codes, its case.
import { expect, test } from '@playwright/test';
import { ALMYTY_URL } from '../../playwright.config.ts';
import { ALMYTY_CATALOG, expectInView, isTarget, loadModel, localPath } from './helpers.ts';

const model = loadModel(ALMYTY_CATALOG);

test.use({ baseURL: ALMYTY_URL });

test('almyty: every code lands on its heading, case kept', async ({ page }) => {
  expect(model.pagePath).toBe(new URL(model.catalog.docs_url).pathname.replace(/\/$/, ''));
  for (const code of model.codes) {
    await page.goto('about:blank');
    await page.goto(localPath(code.docsUrl));
    const heading = page.locator(`h3[id="${code.code}"]`);
    await expectInView(page, heading);
    expect(await isTarget(heading)).toBe(true);
  }
  await expect(page.locator('h3[id="BAD_REQUEST"]')).toHaveText('BAD_REQUEST');
  await expect(page).toHaveTitle(new RegExp(model.catalog.title));
  // Nothing of the other API leaks in.
  expect(await page.locator('body').innerText()).not.toMatch(/\bAmy\b/);
});

test('almyty: exports and root', async ({ page }) => {
  const json = await (await page.request.get('/errors.json')).json();
  expect(json.codes.map((c: { code: string }) => c.code).sort()).toEqual(model.codes.map((c) => c.code).sort());
  await page.goto('/');
  await expect(page.locator(`a[href="${model.pagePath}/"]`).first()).toBeVisible();
});

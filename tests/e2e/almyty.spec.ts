// The same code publishes another API's catalog: its page path, its codes, its case.
import { expect, test } from '@playwright/test';
import { ALMYTY_URL } from '../../playwright.config.ts';
import { ALMYTY_CATALOG, expectInView, expectTarget, loadModel, localPath } from './helpers.ts';

const model = loadModel(ALMYTY_CATALOG);

test.use({ baseURL: ALMYTY_URL });

// One test per code (as for Amy's page): a single test walking every code took up to 55 s
// on a busy machine, too close to its limit.
for (const code of model.codes) {
  test(`almyty: ${code.code} lands on its heading, case kept`, async ({ page }) => {
    await page.goto(localPath(code.docsUrl));
    const heading = page.locator(`h3[id="${code.code}"]`);
    await expect(heading).toHaveText(code.code);
    await expectInView(page, heading);
    await expectTarget(heading);
  });
}

test('almyty: its page path and title, and nothing of the other API', async ({ page }) => {
  expect(model.pagePath).toBe(new URL(model.catalog.docs_url).pathname.replace(/\/$/, ''));
  await page.goto(`${model.pagePath}/`);
  await expect(page).toHaveTitle(new RegExp(model.catalog.title));
  expect(await page.locator('body').innerText()).not.toMatch(/\bAmy\b/);
});

test('almyty: exports and root', async ({ page }) => {
  const json = await (await page.request.get('/errors.json')).json();
  expect(json.codes.map((c: { code: string }) => c.code).sort()).toEqual(model.codes.map((c) => c.code).sort());
  await page.goto('/');
  await expect(page.locator(`a[href="${model.pagePath}/"]`).first()).toBeVisible();
});

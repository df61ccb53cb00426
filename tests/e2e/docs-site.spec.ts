// The plugin inside a real docs site (tests/fixtures/docs-site): Markdown pages, a custom
// sidebar, starlight-links-validator beside it. The errors page joins the sidebar group the
// site configured, the site keeps its own title, and links between the docs pages and the
// catalog land where they point.
import { expect, test } from '@playwright/test';
import { DOCS_URL } from '../../playwright.config.ts';
import { expectInView, isTarget, loadModel } from './helpers.ts';

const model = loadModel('tests/fixtures/docs-site/catalog');
const errorsPage = `${model.pagePath}/`;

test.use({ baseURL: DOCS_URL });

test('the errors page joins the configured sidebar group, after the site\'s own pages', async ({ page }) => {
  await page.goto('/guides/retries/');
  const concepts = page.locator('nav.sidebar details', { has: page.locator('summary', { hasText: 'Concepts' }) });
  await expect(concepts.locator('a')).toHaveText(['Authentication', 'Rate limits', 'Error codes']);
  await expect(concepts.locator('a', { hasText: 'Error codes' })).toHaveAttribute('href', errorsPage);
  // Exactly one link to it in the whole sidebar.
  await expect(page.locator(`nav.sidebar a[href="${errorsPage}"]`)).toHaveCount(1);
  await page.goto(errorsPage);
  await expect(page.locator(`nav.sidebar a[href="${errorsPage}"]`)).toHaveAttribute('aria-current', 'page');
});

test('the site keeps its own title; the page lists every code of the catalog', async ({ page }) => {
  await page.goto('/guides/retries/');
  await expect(page.locator('.site-title')).toHaveText('Example Docs');
  await page.goto(errorsPage);
  await expect(page.locator('.site-title')).toHaveText('Example Docs');
  // The tab reads like every other page of the site: the page, then the site.
  await expect(page).toHaveTitle(`${model.catalog.title} | Example Docs`);
  const ids = await page.locator('section.ec-code h3[id]').evaluateAll((hs) => hs.map((h) => h.id));
  expect(ids.sort()).toEqual(model.codes.map((c) => c.code).sort());
});

test('a docs page links to a code: the link lands on its heading', async ({ page }) => {
  await page.goto('/concepts/rate-limits/');
  await page.locator('main a[href="/concepts/errors#rate_limited"]').click();
  const heading = page.locator('h3[id="rate_limited"]');
  await expectInView(page, heading);
  expect(await isTarget(heading)).toBe(true);
});

test('catalog text links to a docs page: the link lands on that page\'s heading', async ({ page }) => {
  await page.goto(errorsPage);
  await page.locator('section.ec-code:has(h3[id="rate_limited"]) a[href="/guides/retries/#backoff"]').click();
  await expect(page).toHaveURL(/\/guides\/retries\/#backoff$/);
  await expectInView(page, page.locator('h2[id="backoff"]'));
});

test('the plain URL of a code linked from a docs page forwards to its heading', async ({ page }) => {
  await page.goto('/concepts/authentication/');
  await page.locator('main a[href="/concepts/errors/scope_missing/"]').click();
  await page.waitForURL(`**${errorsPage}#scope_missing`);
  await expectInView(page, page.locator('h3[id="scope_missing"]'));
});

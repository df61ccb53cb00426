// The plugin inside a real docs site (tests/fixtures/docs-site): Markdown pages, a custom
// sidebar, starlight-links-validator beside it. The errors page joins the sidebar group the
// site configured, the site keeps its own title, and links between the docs pages and the
// catalog land where they point.
import { expect, test } from '@playwright/test';
import { DOCS_URL } from '../../playwright.config.ts';
import { expectInView, expectTarget, loadModel } from './helpers.ts';
import { RULE_PAGE_PATH } from '../../src/rules/docs.ts';

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
  await expectTarget(heading);
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

// A guest in the host site: the errors page, its plain code URLs and the exports, and
// nothing else the host did not ask for.

test('no rule pages are published into the host site', async ({ request }) => {
  const res = await request.get(`${RULE_PAGE_PATH}category-known/`);
  expect(res.status()).toBe(404);
});

test('the sitemap lists the host\'s pages and the errors page, nothing else', async ({ request }) => {
  const xml = await (await request.get('/sitemap-0.xml')).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
  expect(paths).toEqual(['/', '/concepts/authentication/', errorsPage, '/concepts/rate-limits/', '/guides/getting-started/', '/guides/pagination/', '/guides/retries/'].sort());
});

test('an unknown path outside the errors page gets the host\'s own 404 page', async ({ page }) => {
  const res = await page.goto('/nope/');
  expect(res!.status()).toBe(404);
  // Starlight's 404 page, the host's title, nothing about the error catalog.
  await expect(page).toHaveTitle('404 | Example Docs');
  await expect(page.locator('main')).toContainText('Page not found');
  await expect(page.locator('main')).not.toContainText(model.catalog.api);
  await expect(page).toHaveURL(/\/nope\/$/);
  // Deeper than a code under the errors page: the host's 404 page too.
  expect((await page.goto(`${errorsPage}rate_limited/more/`))!.status()).toBe(404);
  await expect(page).toHaveURL(/\/rate_limited\/more\/$/);
  await expect(page.locator('main')).toContainText('Page not found');
});

test('a misspelt code URL under the errors page ends at the page\'s suggestions', async ({ page }) => {
  // The static server answers with the host's 404.html and status 404 (as a static host does).
  const res = await page.request.get(`${errorsPage}rate_limitd/`);
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain('<title>404 | Example Docs</title>');
  await page.goto(`${errorsPage}rate_limitd/`, { waitUntil: 'commit' });
  await page.waitForURL(`**${errorsPage}#rate_limitd`);
  const notice = page.locator('.ec-unknown-box');
  await expect(notice).toContainText('rate_limitd is not documented on this page');
  await notice.locator('.ec-unknown-list a', { hasText: 'rate_limited' }).click();
  await expectInView(page, page.locator('h3[id="rate_limited"]'));
});

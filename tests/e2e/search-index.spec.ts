// The built Pagefind index: every code is a search record of its own (its plain URL page),
// titled with the code, pointing at the code's heading on the errors page; the errors
// page's own record carries the page-level prose, not the codes a second time. A code's
// record carries its category's name, so searching a category lists its codes.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { plainTitle } from '../../src/render/page.ts';
import { ALMYTY_CATALOG, loadModel, SITE_CATALOG } from './helpers.ts';

interface Fragment { url: string; content: string; meta: Record<string, string>; anchors: { id: string; text: string }[] }

function fragments(dist: string): Fragment[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{')));
  });
}

for (const [dist, catalog] of [['dist', SITE_CATALOG], ['dist-almyty', ALMYTY_CATALOG]] as const) {
  test(`${dist}: every code is a search record titled with the code that opens at its heading`, () => {
    const model = loadModel(catalog);
    const all = fragments(dist);
    for (const c of model.codes) {
      const records = all.filter((f) => f.meta.url === `${model.pagePath}/#${c.code}`);
      expect(records, `${c.code}: one record`).toHaveLength(1);
      expect(records[0]!.meta.title).toBe(c.code);
      expect(records[0]!.content).toContain(c.summary.replace(/`/g, ''));
      expect(records[0]!.content).not.toContain('`');
      const category = model.categories.find((g) => g.id === c.category)!;
      expect(records[0]!.content, `${c.code}: its category`).toContain(plainTitle(category.title));
    }
    const page = all.find((f) => f.url === `${model.pagePath}/`);
    expect(page, 'the errors page is indexed').toBeTruthy();
    // Badges, buttons and code lists are not search text: excerpts read as sentences.
    expect(page!.content).not.toMatch(/Copy link|Retryable:/);
    for (const c of model.codes) expect(page!.anchors.map((a) => a.id)).not.toContain(c.code);
  });
}

/** The URLs of every result of a search with the site's own Pagefind, in the page. */
async function search(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    const found = await pagefind.search(q);
    const data = await Promise.all(found.results.map((r: { data: () => Promise<{ meta: { url?: string }; url: string }> }) => r.data()));
    return data.map((d) => d.meta.url ?? d.url);
  }, query);
}

test('searching a category\'s name lists every code of the category', async ({ page }) => {
  const model = loadModel(SITE_CATALOG);
  await page.goto(`${model.pagePath}/`);
  for (const g of model.categories) {
    const urls = await search(page, plainTitle(g.title));
    for (const c of g.codes) expect(urls, `"${plainTitle(g.title)}" finds ${c.code}`).toContain(`${model.pagePath}/#${c.code}`);
  }
  // The words of the search: both 429s, not only the code named after them.
  const urls = await search(page, 'rate limit');
  for (const c of model.categories.find((g) => g.codes.some((c) => c.code === 'rate_limit_exceeded'))!.codes) {
    expect(urls).toContain(`${model.pagePath}/#${c.code}`);
  }
});

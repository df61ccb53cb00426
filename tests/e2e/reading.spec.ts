// The page reads well at 1440 and 390 px: nothing scrolls sideways, long codes break only
// after underscores, the copy button stays on its heading's row, no text is repeated,
// filters sit near the top and live in the URL (with "On this page" following them),
// retry advice matches the reference, an unknown plain URL suggests the code, no request
// fails, and the sitemap lists real pages only.
import { expect, test, type Page } from '@playwright/test';
import { loadModel } from './helpers.ts';

const model = loadModel('catalog');
const page_ = `${model.pagePath}/`;

/** Every line break inside each code heading falls right after an underscore. */
async function badBreaks(page: Page): Promise<string[]> {
  return page.locator('section.ec-code h3').evaluateAll((hs) =>
    hs.flatMap((h) => {
      const text = h.textContent ?? '';
      const range = document.createRange();
      const tops: number[] = [];
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.textContent!.length; i++) {
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          tops.push(Math.round(range.getBoundingClientRect().top));
        }
      }
      const bad: string[] = [];
      for (let i = 1; i < tops.length; i++) if (tops[i]! > tops[i - 1]! && text[i - 1] !== '_') bad.push(`${text.slice(0, i)}|${text.slice(i)}`);
      return bad;
    }),
  );
}

for (const width of [1440, 390]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('nothing scrolls sideways; codes break only after underscores; copy button on the heading row', async ({ page }) => {
      await page.goto(page_);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Lay out every section (content-visibility skips off-screen ones) before measuring.
      await page.addStyleTag({ content: '.ec-page .ec-code { content-visibility: visible !important }' });
      expect(await badBreaks(page)).toEqual([]);
      const rows = await page.locator('.ec-code-head').evaluateAll((heads) =>
        heads.map((head) => {
          const h = head.querySelector('h3')!.getBoundingClientRect();
          const b = head.querySelector('button.ec-copy')!.getBoundingClientRect();
          return b.top < h.bottom && b.bottom > h.top ? 'same row' : `${head.querySelector('h3')!.id}: button below`;
        }),
      );
      expect(rows.filter((r) => r !== 'same row')).toEqual([]);
    });

    test('no text is shown twice: within a code, and no example on the page', async ({ page }) => {
      await page.goto(page_);
      // Within each code: no paragraph or list item twice (the notes and the related note
      // used to say the same), and no one-line summary above a "When it fires" that says it again.
      const repeats = await page.locator('section.ec-code').evaluateAll((sections) =>
        sections.flatMap((s) => {
          const seen = new Set<string>();
          return [...s.querySelectorAll('p, li')]
            .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
            .filter((t) => t.length > 30 && (seen.has(t) || (seen.add(t), false)))
            .map((t) => `${s.querySelector('h3')!.id}: ${t}`);
        }),
      );
      expect(repeats).toEqual([]);
      await expect(page.locator('section.ec-code .ec-summary')).toHaveCount(0);
      // Every example once on the page: the webhook body used to appear three times.
      const examples = await page.locator('.ec-page pre').allTextContents();
      expect(examples.length - new Set(examples).size, 'repeated examples').toBe(0);
      await expect(page.locator('pre', { hasText: '"error": "invalid_signature"' })).toHaveCount(1);
    });

    test('filters sit before the first section and live in the URL; "On this page" follows them', async ({ page }) => {
      await page.goto(page_);
      const form = page.locator('form.ec-filters');
      const formTop = await form.evaluate((f) => f.getBoundingClientRect().top + scrollY);
      const firstH2 = await page.locator('.ec-page h2').first().evaluate((h) => h.getBoundingClientRect().top + scrollY);
      expect(formTop).toBeLessThan(firstH2);
      const status = model.codes.find((c) => c.statuses[0] === 404)!.statuses[0]!;
      const shown = model.codes.filter((c) => c.statuses.includes(status));
      const hiddenCode = model.codes.find((c) => !c.statuses.includes(status))!;
      await page.getByLabel('HTTP status').selectOption(String(status));
      await expect(page).toHaveURL(new RegExp(`\\?status=${status}$`));
      // "On this page" (desktop sidebar or mobile dropdown) lists only what the filter shows.
      const toc = width > 1000 ? 'starlight-toc' : 'mobile-starlight-toc';
      await expect(page.locator(`${toc} a[href="#${hiddenCode.code}"]`)).toBeHidden();
      // A reload (or a shared link) keeps the filter.
      await page.reload();
      await expect(page.getByLabel('HTTP status')).toHaveValue(String(status));
      await expect(page.locator('section.ec-code:visible')).toHaveCount(shown.length);
      await expect(page.locator(`.ec-quicknav a[href="#${hiddenCode.code}"]`)).toBeHidden();
    });

    test('an unknown plain URL goes on from the 404 page to the closest codes', async ({ page }) => {
      expect((await page.request.get(`${model.pagePath}/turn_not_fund/`)).status()).toBe(404);
      await page.goto(`${model.pagePath}/turn_not_fund/`, { waitUntil: 'commit' });
      await page.waitForURL(`**${page_}#turn_not_fund`);
      const suggestion = page.locator('.ec-unknown-suggest a').first();
      await expect(suggestion).toHaveText('turn_not_found');
      await suggestion.click();
      await expect(page.locator('h3[id="turn_not_found"]')).toBeInViewport();
    });
  });
}

test('no request of the page fails (favicon included)', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  await page.goto(page_);
  await page.waitForLoadState('networkidle');
  expect(failed).toEqual([]);
});

test('the sitemap lists real pages only, not the noindex forwarding pages', async ({ request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const urls = (await Promise.all(sitemaps.map(async (s) => (await request.get(s)).text()))).flatMap((x) => [...x.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
  expect(urls).toContain(`${model.site}${page_}`);
  for (const c of model.codes) expect(urls).not.toContain(`${model.site}${model.pagePath}/${c.code}/`);
});

test('retry advice matches the reference on the page and in errors.json', async ({ page, request }) => {
  await page.goto(`${page_}#internal_error`);
  await expect(page.locator('section.ec-code:has(h3#internal_error) .ec-meta > [data-kind]')).toHaveText('Retryable: Yes, idempotent only');
  const json = await (await request.get('/errors.json')).json();
  for (const c of json.codes) {
    expect(typeof c.retry.when, c.code).toBe('string');
    expect(c.retryable, 'no boolean/string retryable').toBeUndefined();
  }
  expect(json.codes.find((c: { code: string }) => c.code === 'internal_error').retry.when).toBe('idempotent-only');
});

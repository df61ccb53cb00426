// Unknown anchors, copy link, filters, search, accessibility.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectInView, expectTarget, loadModel, SITE_CATALOG } from './helpers.ts';

const model = loadModel(SITE_CATALOG);
const page_ = `${model.pagePath}/`;
const some = model.codes.find((c) => c.code.length > 8) ?? model.codes[0]!;

test.describe('unknown anchor', () => {
  test('a misspelt code shows a notice with the closest codes', async ({ page }) => {
    const typo = some.code.slice(0, -2) + some.code.slice(-1); // drop one letter
    await page.goto(`${page_}#${typo}`);
    const notice = page.locator('.ec-unknown');
    await expect(notice).toHaveAttribute('role', 'status');
    const box = page.locator('.ec-unknown-box');
    await expect(box).toBeVisible();
    await expect(box).toBeInViewport();
    await expect(box).toContainText(`${typo} is not documented on this page`);
    const suggestion = box.locator(`a[href="#${some.code}"]`);
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expectInView(page, page.locator(`h3[id="${some.code}"]`));
    await expect(box).toBeHidden();
  });

  test('hashchange to an unknown code shows the notice in view', async ({ page }) => {
    await page.goto(`${page_}#${model.codes.at(-1)!.code}`);
    await page.evaluate(() => (location.hash = '#no_such_code_from_the_future'));
    const box = page.locator('.ec-unknown-box');
    await expect(box).toBeVisible();
    await expect(box).toBeInViewport();
    await expect(box).toContainText('no_such_code_from_the_future');
    await expect(box.locator('.ec-unknown-suggest')).toBeHidden();
  });

  test('the notice offers search', async ({ page }) => {
    await page.goto(`${page_}#nothing_like_this_exists`);
    await page.locator('.ec-unknown-search').click();
    await expect(page.locator('site-search dialog')).toBeVisible();
    await expect(page.locator('site-search input')).toHaveValue('nothing_like_this_exists');
  });
});

test('copy link copies the full docs_url with visible feedback', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${page_}#${some.code}`);
  const button = page.getByRole('button', { name: `Copy link to ${some.code}` });
  await button.click();
  await expect(button).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(some.docsUrl);
  await expect(page.locator('#ec-copy-status')).toContainText(some.docsUrl);
});

test.describe('filters', () => {
  const total = model.codes.length;
  const status = model.codes[0]!.statuses[0]!;
  const withStatus = model.codes.filter((c) => c.statuses.includes(status));
  const category = model.categories.find((c) => c.codes.length > 1)!;

  test('by status, by category, reset', async ({ page }) => {
    await page.goto(page_);
    const summary = page.locator('.ec-filter-summary');
    await expect(summary).toHaveText(`All ${total} codes shown`);
    await page.getByLabel('HTTP status').selectOption(String(status));
    await expect(page.locator('section.ec-code:visible')).toHaveCount(withStatus.length);
    await expect(summary).toHaveText(`${withStatus.length} of ${total} codes shown`);
    for (const c of withStatus) await expect(page.locator(`h3[id="${c.code}"]`)).toBeVisible();
    // A category with no code of that status hides entirely.
    const empty = model.categories.find((g) => g.codes.length && !g.codes.some((c) => c.statuses.includes(status)));
    if (empty) await expect(page.locator(`section.ec-category[data-category="${empty.id}"]`)).toBeHidden();

    await page.getByLabel('HTTP status').selectOption('');
    await page.getByLabel('Category', { exact: true }).selectOption(category.id);
    await expect(page.locator('section.ec-code:visible')).toHaveCount(category.codes.length);
    await expect(summary).toHaveText(`${category.codes.length} of ${total} codes shown`);

    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect(page.locator('section.ec-code:visible')).toHaveCount(total);
    await expect(summary).toHaveText(`All ${total} codes shown`);
  });

  test('a deep link to a filtered-out code clears the filter', async ({ page }) => {
    await page.goto(page_);
    await page.getByLabel('Category', { exact: true }).selectOption(category.id);
    const outside = model.codes.find((c) => c.category !== category.id)!;
    await expect(page.locator(`h3[id="${outside.code}"]`)).toBeHidden();
    await page.evaluate((c) => (location.hash = `#${c}`), outside.code);
    const heading = page.locator(`h3[id="${outside.code}"]`);
    await expect(heading).toBeVisible();
    await expectInView(page, heading);
    await expectTarget(heading);
    await expect(page.getByLabel('Category', { exact: true })).toHaveValue('');
    await expect(page.locator('section.ec-code:visible')).toHaveCount(total);
  });
});

test.describe('search', () => {
  // Pagefind loads and searches its index in the page: up to 72 s measured with the machine
  // at a load average of 44 (two CPU hogs beside other jobs).
  test.setTimeout(300_000);
  /** Searches, expects the code as the FIRST result, opens it and checks it lands on the heading. */
  async function search(page: import('@playwright/test').Page, query: string, code: string) {
    await page.goto(page_);
    await page.locator('site-search button[data-open-modal]').click();
    const input = page.locator('site-search input');
    await input.fill(query);
    const first = page.locator('site-search .pagefind-ui__result-link').first();
    // Pagefind loads its index on first use.
    await expect(first).toHaveAttribute('href', new RegExp(`#${code}$`), { timeout: 90_000 });
    await expect(first).toHaveText(code);
    // The excerpt reads as text, not badges and buttons run together.
    await expect(page.locator('site-search .pagefind-ui__result-excerpt').first()).not.toContainText(/Copy link|Retryable:/);
    await first.click();
    const heading = page.locator(`h3[id="${code}"]`);
    await expectInView(page, heading);
  }

  for (const width of [1440, 390]) {
    test(`the exact code is the first result and opens at its heading (${width}px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      // A code other codes and the retry guidance mention too.
      await search(page, 'idempotency_key_mismatch', 'idempotency_key_mismatch');
    });
  }

  test('a distinctive word of its message finds the code first', async ({ page }) => {
    // A word of one code's message that no other code's text uses, nor the page's own
    // text around the codes (its headings and sections: "Codes by category" is no
    // distinctive word for "category").
    const words = (s: string): string[] => s.toLowerCase().match(/[a-z]{6,}/g) ?? [];
    const text = (o: (typeof model.codes)[number]) => `${o.summary} ${o.message ?? ''} ${o.when} ${o.recovery}`;
    await page.goto(page_);
    const around = new Set(words(await page.locator('main').evaluate((m) => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('section.ec-code')) texts.push(n.textContent ?? '');
      return texts.join(' ');
    })));
    let pick: { code: string; word: string } | undefined;
    for (const c of model.codes) {
      const w = words(c.message ?? '').find((w) => !around.has(w) && model.codes.every((o) => o === c || !words(text(o)).includes(w)));
      if (w) { pick = { code: c.code, word: w }; break; }
    }
    expect(pick, 'a distinctive message word').toBeTruthy();
    await search(page, pick!.word, pick!.code);
  });
});

test.describe('accessibility (axe)', () => {
  // One axe run per theme over the whole page. Legacy mode runs axe in the page itself:
  // the default mode runs it per frame and then again in a second blank page, which about
  // doubles the time on a page without frames. The page's 2,000-odd elements take axe about
  // a minute on a busy 2-core machine, hence the limit.
  test.setTimeout(400_000); // up to 114 s measured at a load average of 44
  for (const theme of ['light', 'dark'] as const) {
    test(`no serious or critical violations, ${theme} theme`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(`${page_}#${some.code}`);
      // Lay out every section (content-visibility skips off-screen ones), so the contrast of
      // every highlighted example is checked, not only those on screen.
      await page.addStyleTag({ content: '.ec-page .ec-code { content-visibility: visible !important }' });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('no serious or critical violations on a phone (390 px)', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${page_}#${some.code}`);
    await page.addStyleTag({ content: '.ec-page .ec-code { content-visibility: visible !important }' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('no serious or critical violations in the notice a mistyped code URL ends at', async ({ page }) => {
    const typo = `${some.code.slice(0, -1)}x`;
    await page.goto(`${page_}${typo}/`, { waitUntil: 'commit' });
    await page.waitForURL(`**${page_}#${typo}`);
    await expect(page.locator('.ec-unknown-suggest')).toBeVisible();
    expect(await seriousViolations(page, '.ec-unknown')).toEqual([]);
  });
});

async function seriousViolations(page: import('@playwright/test').Page, within?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page }).setLegacyMode();
  const results = await (within ? axe.include(within) : axe).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

// The page on a phone (390 px), and on a desktop for comparison: examples keep their
// structure (each line of code on one line, scrolling inside its block, never a URL broken
// mid-word), the quick navigation keeps each code's status on the code's row, and a status
// filter (chosen, or in a shared link) shows its result instead of leaving it far below,
// and a card says each fact once (the check's restates-generated rule keeps it so).
import { expect, test, type Page } from '@playwright/test';
import { expectInView, loadModel } from './helpers.ts';

const model = loadModel('catalog');
const page_ = `${model.pagePath}/`;
const status = 404;
const firstMatch = model.categories.flatMap((c) => c.codes).find((c) => c.statuses.includes(status))!.code;

/** The first card the filter shows is on screen, below the sticky header. */
async function expectResultShown(page: Page): Promise<void> {
  await expect(page.locator('section.ec-code:visible').first().locator('h3')).toHaveId(firstMatch);
  await expectInView(page, page.locator(`h3[id="${firstMatch}"]`));
}

for (const width of [390, 1440]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('every line of an example is shown on one line; the page does not scroll sideways', async ({ page }) => {
      await page.goto(page_);
      await page.addStyleTag({ content: '.ec-page .ec-code { content-visibility: visible !important }' });
      // For each line of each block: how many rows it takes on screen.
      const wrapped = await page.locator('.ec-page pre.ec-pre').evaluateAll((pres) =>
        pres.flatMap((pre) => {
          const range = document.createRange();
          const text = pre.textContent ?? '';
          const out: string[] = [];
          let start = 0;
          for (const line of text.split('\n')) {
            const end = start + line.length;
            if (line.trim()) {
              // Text offsets to (node, offset) pairs through a walk of the block's text nodes.
              const at = (offset: number): [Node, number] => {
                const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
                let seen = 0;
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const len = n.textContent!.length;
                  if (offset <= seen + len) return [n, offset - seen];
                  seen += len;
                }
                throw new Error('offset past the text');
              };
              const indent = line.length - line.trimStart().length;
              range.setStart(...at(start + indent));
              range.setEnd(...at(end));
              const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (tops.size > 1) out.push(line.trim());
            }
            start = end + 1;
          }
          return out;
        }),
      );
      expect(wrapped, 'lines of code shown on more than one row').toEqual([]);
      // The copy button over a block's corner is on the block's background: a long first
      // line runs under it cleanly instead of through its label.
      const see = await page.locator('.ec-page .ec-example:has(.ec-copy-code)').evaluateAll((figs) =>
        figs.filter((f) => getComputedStyle(f.querySelector('.ec-copy-code')!).backgroundColor !== getComputedStyle(f.querySelector('pre')!).backgroundColor).length,
      );
      expect(see, 'copy buttons that let the code show through').toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });

    test('quick navigation: each status stays on its code\'s row', async ({ page }) => {
      await page.goto(page_);
      const rows = await page.locator('.ec-quicknav li[data-status]').evaluateAll((lis) =>
        lis.flatMap((li) => {
          const a = li.querySelector('a')!.getBoundingClientRect();
          const s = li.querySelector('.ec-quicknav-status')!.getBoundingClientRect();
          return s.top < a.bottom && s.bottom > a.top && s.left >= a.right - 1 ? [] : [li.querySelector('a')!.textContent];
        }),
      );
      expect(rows, 'codes whose status went to a row below').toEqual([]);
    });

    test('a status filter brings its first matching card into view', async ({ page }) => {
      await page.goto(page_);
      await page.getByLabel('HTTP status').selectOption(String(status));
      await expectResultShown(page);
    });

    test('a shared filtered link opens on its result', async ({ page }) => {
      await page.goto(`${page_}?status=${status}`);
      await expectResultShown(page);
    });

    test('a card says each fact once: the retry sentence and the tables are not restated in its prose', async ({ page }) => {
      await page.goto(page_);
      // Paragraphs and list items of a card that contain `text`, outside its tables and related-code notes.
      const saying = (code: string, text: string) =>
        page.locator(`section.ec-code:has(h3[id="${code}"])`).evaluate(
          (s, t) => [...s.querySelectorAll('p, li, td')].filter((e) => !e.closest('.ec-related') && !e.querySelector('p, li') && e.textContent!.includes(t)).length,
          text,
        );
      // The retry sentence ("honouring `Retry-After`") and the header's row; not the recovery again.
      expect(await saying('rate_limit_exceeded', 'Retry-After')).toBe(2);
      // Each dependency once, in the table of `upstream` values; not listed again under "When it fires".
      for (const dependency of ['OpenRouter', 'OAuth widget URLs', 'token verification']) expect(await saying('upstream_unavailable', dependency), dependency).toBe(1);
    });
  });
}

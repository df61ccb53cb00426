import { expect, test } from '@playwright/test';
import { expectInView, loadModel } from './helpers.ts';

const model = loadModel('catalog');
const page_ = `${model.pagePath}/`;
const languages = model.catalog.languages!;
// A code whose examples come in several declared languages (turn_not_found: HTTP and the TypeScript SDK).
const code = model.codes.find((c) => new Set((c.examples ?? []).map((e) => e.lang).filter((l) => languages.some((x) => x.lang === l))).size > 1)!;

test('examples in several languages are tabs; the chosen language is remembered across the page', async ({ page }) => {
  await page.goto(`${page_}#${code.code}`);
  const section = page.locator('section.ec-code', { has: page.locator(`h3[id="${code.code}"]`) });
  const tabs = section.getByRole('tab');
  await expect(tabs).toHaveText(languages.filter((l) => code.examples!.some((e) => e.lang === l.lang)).map((l) => l.label));
  const second = languages.find((l) => l.lang === code.examples![1]!.lang)!.label;
  await section.getByRole('tab', { name: second }).click();
  await expect(section.getByRole('tabpanel')).toContainText(code.examples![1]!.code.split('\n')[0]!);
  // A new visit (a deep link from an SDK error) opens on the same language and still lands on the code.
  await page.goto(`${page_}#${code.code}`);
  await expect(section.getByRole('tab', { name: second })).toHaveAttribute('aria-selected', 'true');
  await expectInView(page, page.locator(`h3[id="${code.code}"]`));
});

test('the site publishes the OpenAPI fragment', async ({ request }) => {
  const res = await request.get('/errors.openapi.json');
  expect(res.ok()).toBe(true);
  const doc = await res.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.components.schemas.ErrorCode.enum).toContain(code.code);
  expect(Object.keys(doc.components.responses)).toContain(`Error${code.statuses[0]}`);
});

// `astro dev` follows the catalog: an open tab shows an edited, a new or a deleted code file
// without a server restart; catalog.yaml and shipped.yaml are followed too; a broken file
// shows its diagnostic in Astro's error overlay, and fixing it brings the page back.
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDev, type DevServer } from '../helpers/dev-server.ts';
import { loadModel } from './helpers.ts';

const fixture = 'tests/fixtures/mini';
const model = loadModel(fixture);
const page_ = `${model.pagePath}/`;
const code = model.codes.find((c) => c.examples?.length)!;

let server: DevServer;
let dir: string;

// Generous: each step waits for a reload and a dev render on a possibly busy machine.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000); // the first start optimizes dependencies
  // Inside the Astro root, where a site keeps its catalog: Astro's overlay re-roots the path
  // of a file outside it (its error's loc), so "Open in editor" would miss the YAML file.
  mkdirSync('.tmp', { recursive: true });
  dir = mkdtempSync(resolve('.tmp', 'dev-catalog-'));
  cpSync(fixture, dir, { recursive: true });
  server = await startDev({ catalog: dir, path: page_ });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function edit(file: string, from: string, to: string): () => void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} not in ${file}`);
  writeFileSync(path, after);
  return () => writeFileSync(path, before);
}

async function open(page: Page) {
  await page.goto(server.url + page_);
  await expect(page.locator(`h3[id="${code.code}"]`)).toBeVisible();
}

test('editing a code file updates the open tab, without a server restart', async ({ page }) => {
  await open(page);
  const section = page.locator(`section.ec-code:has(h3[id="${code.code}"])`);
  // "When it fires" is on the card (the one-line summary is for lists and search).
  const when = code.when.split('\n')[0]!;
  await expect(section).toContainText(when);
  edit(`codes/${code.code}.yaml`, when, `${when} Edited live.`);
  // No page.reload(): the dev server tells the tab to reload.
  await expect(section).toContainText('Edited live.', { timeout: 120_000 });
  expect(server.output()).not.toMatch(/restart/i);
});

test('a title in other languages shows under its code, each marked with its language', async ({ page }) => {
  await open(page);
  const titles = page.locator(`section.ec-code:has(h3[id="${code.code}"]) .ec-titles`);
  await expect(titles).toHaveCount(0);
  const restore = edit(`codes/${code.code}.yaml`, `category: ${code.category}\n`, `category: ${code.category}\ntitles: { de: Nicht gefunden, pt-BR: Não encontrado }\n`);
  await expect(titles).toHaveText('Title in other languages: Nicht gefunden (de); Não encontrado (pt-BR)', { timeout: 120_000 });
  await expect(titles.locator('span[lang="pt-BR"]')).toHaveText('Não encontrado');
  restore();
  await expect(titles).toHaveCount(0, { timeout: 120_000 });
});

test('a new code file appears with its plain URL; deleting it removes it', async ({ page }) => {
  await open(page);
  const added = `${code.code}_added`;
  const file = join(dir, 'codes', `${added}.yaml`);
  writeFileSync(file, readFileSync(join(dir, 'codes', `${code.code}.yaml`), 'utf8').replaceAll(code.code, added));
  await expect(page.locator(`h3[id="${added}"]`)).toBeVisible({ timeout: 120_000 });
  const redirect = await page.request.get(`${server.url}${page_}${added}/`);
  expect(redirect.status()).toBe(200);
  expect(await redirect.text()).toContain(`#${added}`);
  rmSync(file);
  await expect(page.locator(`h3[id="${added}"]`)).toHaveCount(0, { timeout: 120_000 });
  await expect(page.locator(`h3[id="${code.code}"]`)).toBeVisible();
});

test('catalog.yaml is followed', async ({ page }) => {
  await open(page);
  const intro = model.catalog.intro.split('.')[0]!;
  edit('catalog.yaml', `intro: ${intro}`, `intro: ${intro}, changed in dev`);
  await expect(page.locator('main')).toContainText('changed in dev', { timeout: 120_000 });
});

test('a broken code file shows its diagnostic in the error overlay; fixing it brings the page back', async ({ page }) => {
  await open(page);
  const restore = edit(`codes/${code.code}.yaml`, `category: ${code.category}`, 'category: no_such_category');
  const overlay = page.locator('vite-error-overlay');
  const line = new RegExp(`codes/${code.code}\\.yaml:\\d+:\\d+\\s+error\\s+category-known\\s+unknown category "no_such_category"`);
  await expect(overlay).toContainText(line, { timeout: 120_000 });
  await expect(overlay).toContainText('errcat check'); // the hint
  // The code frame and "Open in editor" are the YAML file and line, not the plugin's source.
  const file = join(dir, 'codes', `${code.code}.yaml`);
  const yamlLine = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('category: no_such_category')) + 1;
  await expect(overlay.locator('#code header h2')).toHaveAttribute('title', `${file}:${yamlLine}:11`);
  await expect(overlay.locator('#code header button', { hasText: 'Open in editor' })).toBeVisible();
  await expect(overlay.locator('#code-content .error-line')).toContainText('category: no_such_category');
  restore();
  await expect(page.locator(`h3[id="${code.code}"]`)).toBeVisible({ timeout: 120_000 });
  await expect(overlay).toHaveCount(0);
});

test('shipped.yaml is followed: changing the lock re-runs the stability rules', async ({ page }) => {
  await open(page);
  const status = code.statuses[0]!;
  const restore = edit('shipped.yaml', `${code.code}: { status: [${status}]`, `${code.code}: { status: [${status === 400 ? 409 : 400}]`);
  await expect(page.locator('vite-error-overlay')).toContainText('shipped-status-changed', { timeout: 120_000 });
  restore();
  await expect(page.locator(`h3[id="${code.code}"]`)).toBeVisible({ timeout: 120_000 });
});

test("the 404 page: a mistyped code URL goes on to the page's suggestions, any other path is Starlight's 404", async ({ page }) => {
  const typo = `${code.code.slice(0, -1)}x`;
  await page.goto(`${server.url}${page_}${typo}/`, { waitUntil: 'commit' });
  await page.waitForURL(`**${page_}#${typo}`);
  await expect(page.locator('.ec-unknown-list a', { hasText: code.code })).toBeVisible();
  const res = await page.goto(`${server.url}/nope/`);
  expect(res!.status()).toBe(404);
  await expect(page.locator('main')).toContainText('Page not found');
  await expect(page).toHaveURL(/\/nope\/$/);
});

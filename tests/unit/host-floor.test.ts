// The benchmark's floor inside the host's frame (bench/host-floor.ts), on a real build of
// the mini catalog: the host's page is kept, the catalog's content and scripts are not.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FRAME_ANCHOR_STYLE, hostFloorHtml } from '../../bench/host-floor.ts';
import { buildOurs, modelOf } from '../../bench/site.ts';
import { elements, type El } from '../helpers/html.ts';

const work = mkdtempSync(join(tmpdir(), 'host-floor-'));
test.after(() => rmSync(work, { recursive: true, force: true }));
const model = modelOf('tests/fixtures/mini');
const ourComponents = readdirSync('src/components').filter((f) => f.endsWith('.astro')).map((f) => f.slice(0, -'.astro'.length));
const isOurBundle = (e: El) => e.tag === 'script' && ourComponents.some((c) => (e.attrs.src ?? '').includes(`/${c}.astro_astro_type_script_`));
const stylesheets = (els: El[]) => els.filter((e) => e.tag === 'link' && e.attrs.rel === 'stylesheet').map((e) => e.attrs.href);

let built: string;
test('the mini catalog builds', { timeout: 300_000 }, () => {
  const figures = buildOurs('tests/fixtures/mini', join(work, 'dist'));
  assert.equal(figures.failed, undefined);
  built = readFileSync(join(work, 'dist', model.pagePath, 'index.html'), 'utf8');
});

test("the host's frame is kept: stylesheets, header, sidebar, Starlight's scripts", () => {
  const before = elements(built);
  const after = elements(hostFloorHtml(built, model));
  assert.ok(stylesheets(before).length >= 1);
  assert.deepEqual(stylesheets(after), stylesheets(before));
  for (const pick of [(e: El) => e.tag === 'header', (e: El) => e.attrs.id === 'starlight__sidebar', (e: El) => e.tag === 'main', (e: El) => e.tag === 'h1']) {
    assert.equal(after.filter(pick).length, before.filter(pick).length);
    assert.ok(after.some(pick));
  }
  // Starlight's own scripts (theme, sidebar, search, table of contents) stay as built.
  const hostScripts = (els: El[]) => els.filter((e) => e.tag === 'script' && !isOurBundle(e) && !/\.ec-|keepTargetInPlace/.test(e.text)).map((e) => e.attrs.src ?? e.text);
  assert.ok(hostScripts(before).some((s) => /Search\.astro/.test(s)));
  assert.deepEqual(hostScripts(after), hostScripts(before));
});

test("every code's heading is there, as the floor's plain section, with the floor's rule", () => {
  const html = hostFloorHtml(built, model);
  const after = elements(html);
  for (const { code } of model.codes) {
    const h = after.filter((e) => e.attrs.id === code);
    assert.equal(h.length, 1, code);
    assert.equal(h[0]!.tag, 'h3');
    assert.equal(h[0]!.text, code);
  }
  assert.ok(after.some((e) => e.tag === 'style' && /section\{content-visibility:auto/.test(e.text)));
  // The anchoring rule names a column the host's page has (see FRAME_ANCHOR_STYLE).
  assert.ok(after.some((e) => e.tag === 'style' && e.text.includes(FRAME_ANCHOR_STYLE)));
  const column = /^\.([\w-]+)\{/.exec(FRAME_ANCHOR_STYLE)![1]!;
  assert.ok(after.some((e) => (e.attrs.class ?? '').split(/\s+/).includes(column)), column);
  // The content sits in Starlight's Markdown wrapper, where any page's content would.
  assert.match(html, /<div class="sl-markdown-content">\s*<style>section\{/);
});

test('none of the catalog page is left: no ec- class, no script or inline style of ours', () => {
  const before = elements(built);
  // The built page has all of these, or the test would prove nothing.
  assert.ok(before.some((e) => (e.attrs.class ?? '').split(/\s+/).some((c) => c.startsWith('ec-'))));
  assert.ok(before.some(isOurBundle));
  assert.ok(before.some((e) => e.tag === 'script' && e.text.includes('keepTargetInPlace')));
  assert.ok(before.some((e) => e.tag === 'style' && e.text.includes('.ec-')));
  const after = elements(hostFloorHtml(built, model));
  assert.deepEqual(after.filter((e) => (e.attrs.class ?? '').split(/\s+/).some((c) => c.startsWith('ec-'))).map((e) => e.tag), []);
  assert.deepEqual(after.filter(isOurBundle).map((e) => e.attrs.src), []);
  assert.deepEqual(after.filter((e) => /^(script|style|noscript)$/.test(e.tag) && /\.ec-|keepTargetInPlace/.test(e.text)).map((e) => e.tag), []);
});

test('a page without the catalog, or with two, is refused', () => {
  const root = readFileSync(join(work, 'dist', 'index.html'), 'utf8');
  assert.throws(() => hostFloorHtml(root, model), /expected the catalog's one \.ec-page element, found 0/);
  const twice = built.replace('<main', `<div class="ec-page"></div><main`);
  assert.throws(() => hostFloorHtml(twice, model), /found 2/);
});

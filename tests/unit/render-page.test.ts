// The page's derived data, computed from real catalogs without Astro.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCatalog } from '../../src/check/check.ts';
import { categoryAnchor, FIXED_ANCHORS, pageAnchors } from '../../src/model/model.ts';
import {
  breakableCode, buildHeadings, CHANGELOG_LIST_UP_TO, changelogCell, escapeHtml, filterFacets, filterHref, lifecycleLabel, LIST_CODES_UP_TO, listsEveryCode, pageHref, plainTitle, quickNav, retryLabel, retryPlan, siteTitle, titleHead, titleText,
} from '../../src/render/page.ts';
import { hydrateModel, serializeModel } from '../../src/render/model-data.ts';

const model = (dir: string) => {
  const r = checkCatalog(dir);
  assert.ok(r.model, `${dir} should pass the check`);
  return r.model;
};
const amy = model('catalog');
const almyty = model('examples/almyty/catalog');
const mini = model('tests/fixtures/mini');

test('headings: every code once, at depth 3, with its exact spelling, under its category', () => {
  for (const m of [amy, almyty, mini]) {
    const h = buildHeadings(m);
    const slugs = h.map((x) => x.slug);
    assert.equal(new Set(slugs).size, slugs.length, 'heading ids are unique');
    for (const c of m.codes) {
      const i = slugs.indexOf(c.code);
      assert.ok(i >= 0, `${c.code} has a heading`);
      assert.equal(h[i]!.depth, 3);
      assert.equal(h[i]!.text, c.code);
      const cat = slugs.lastIndexOf(categoryAnchor(c.category), i);
      assert.ok(cat >= 0 && cat < i, `${c.code} comes after its category heading`);
    }
  }
});

test('headings: page order is intro sections, codes, after-codes sections, where next', () => {
  const slugs = buildHeadings(amy).map((h) => h.slug);
  const order = [
    FIXED_ANCHORS.quickNav, 'response-shape', 'webhook', 'typescript-sdk', FIXED_ANCHORS.retry, FIXED_ANCHORS.statusSummary,
    FIXED_ANCHORS.codes, categoryAnchor('auth'), FIXED_ANCHORS.whereNext,
  ];
  const idx = order.map((s) => slugs.indexOf(s));
  assert.ok(idx.every((i) => i >= 0), `all present: ${idx}`);
  assert.deepEqual([...idx].sort((a, b) => a - b), idx, 'in order');
});

test('headings: ids are the catalog\'s page anchors plus the codes, nothing else', () => {
  for (const m of [amy, almyty]) {
    const slugs = new Set(buildHeadings(m).map((h) => h.slug));
    const expected = new Set([...pageAnchors(m.catalog), ...m.codes.map((c) => c.code)]);
    // where-next / retry only exist when the catalog has them
    for (const s of slugs) assert.ok(expected.has(s), `unexpected heading id ${s}`);
    for (const c of m.codes) assert.ok(slugs.has(c.code));
  }
});

test('almyty codes keep their case', () => {
  const slugs = buildHeadings(almyty).map((h) => h.slug);
  assert.ok(slugs.includes('BAD_REQUEST'));
  assert.ok(!slugs.includes('bad_request'));
});

test('quick navigation lists every category with codes, and every code', () => {
  const groups = quickNav(amy);
  assert.deepEqual(groups.flatMap((g) => g.codes.map((c) => c.code)), amy.codes.map((c) => c.code));
  assert.ok(groups.every((g) => g.anchor.startsWith('category-') && g.codes.length > 0));
});

test('filter facets count codes per status and category', () => {
  const f = filterFacets(amy);
  assert.equal(f.total, amy.codes.length);
  const s404 = f.statuses.find((s) => s.value === '404');
  assert.equal(s404?.count, amy.codes.filter((c) => c.statuses.includes(404)).length);
  assert.equal(s404?.label, '404 Not Found');
  assert.ok(f.statuses.some((s) => s.value === '503'), 'every status of a multi-status code');
  assert.equal(f.categories.reduce((n, c) => n + c.count, 0), amy.codes.length);
});

test('retry and lifecycle labels', () => {
  assert.equal(retryLabel({ retry: { when: 'always' } }).label, 'Yes');
  assert.equal(retryLabel({ retry: { when: 'never' } }).label, 'No');
  assert.equal(retryLabel({ retry: { when: 'idempotent-only' } }).label, 'Yes, idempotent only');
  assert.equal(retryLabel({ retry: { when: 'conditional' } }).kind, 'conditional');
  assert.equal(retryPlan({ when: 'always', strategy: 'exponential-backoff', jitter: true, max_attempts: 5, honour_retry_after: true }), 'Exponential backoff with jitter, at most 5 attempts, honouring `Retry-After`.');
  assert.equal(retryPlan({ when: 'always', honour_retry_after: true }), 'Wait as long as `Retry-After` says.');
  assert.equal(retryPlan({ when: 'never' }), undefined);
  assert.equal(lifecycleLabel({}), undefined);
  assert.equal(lifecycleLabel({ lifecycle: { state: 'retired', since: '2026-01-01' } }), 'Retired since 2026-01-01');
});

test('page path and titles', () => {
  assert.equal(pageHref(amy), '/concepts/errors/');
  assert.equal(pageHref(almyty), '/api-reference/errors/');
  assert.equal(plainTitle('The `<SDK>` section'), 'The <SDK> section');
  assert.equal(siteTitle(amy), 'Amy API');
  assert.equal(escapeHtml('</title>"&'), '&#60;/title&#62;&#34;&#38;');
  assert.deepEqual(titleHead('Errors', siteTitle(amy)), [{ tag: 'title', content: 'Errors | Amy API' }]);
  assert.deepEqual(titleHead('</title>', 'Example Docs'), [{ tag: 'title', content: '&#60;/title&#62; | Example Docs' }]);
  assert.equal(titleText({ en: 'Docs', fr: 'Documentation' }, 'fr'), 'Documentation');
  assert.equal(titleText({ de: 'Doku', en: 'Docs' }), 'Docs');
  assert.equal(titleText('Docs'), 'Docs');
});

test('the model survives the trip through the virtual module', () => {
  const back = hydrateModel(JSON.parse(JSON.stringify(serializeModel(amy))));
  assert.deepEqual(back.codes, amy.codes);
  assert.deepEqual(back.statusSummary, amy.statusSummary);
  assert.deepEqual([...back.byCode.keys()], [...amy.byCode.keys()]);
  assert.equal(back.pagePath, amy.pagePath);
});

test('above LIST_CODES_UP_TO codes, "On this page" and quick navigation list categories, not every code', async () => {
  const { generateCatalog } = await import('../../bench/generate.ts');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const big = model(generateCatalog(join(mkdtempSync(join(tmpdir(), 'big-')), 'c'), LIST_CODES_UP_TO + 1));
  assert.equal(listsEveryCode(big), false);
  assert.equal(listsEveryCode(amy), true);
  const h = buildHeadings(big);
  assert.ok(h.every((x) => !big.byCode.has(x.slug)), 'no code in the headings list');
  const groups = quickNav(big);
  assert.equal(groups.reduce((n, g) => n + g.count, 0), big.codes.length);
  assert.ok(groups.every((g) => g.codes.length === 0));
});

test('codes break only after underscores; filter links carry the filter in the query', () => {
  assert.equal(breakableCode('turn_not_found'), 'turn_<wbr>not_<wbr>found');
  assert.equal(breakableCode('<b>_x'), '&#60;b&#62;_<wbr>x');
  assert.equal(filterHref({ status: 404 }), `?status=404#${FIXED_ANCHORS.codes}`);
});

test('a changelog cell lists up to CHANGELOG_LIST_UP_TO codes, and folds a longer list behind its count', () => {
  const codes = (n: number) => Array.from({ length: n }, (_, i) => `code_${i}`);
  assert.deepEqual(changelogCell(codes(CHANGELOG_LIST_UP_TO)), { codes: codes(CHANGELOG_LIST_UP_TO), folded: false, summary: `${CHANGELOG_LIST_UP_TO} codes` });
  const big = changelogCell(codes(1500));
  assert.equal(big.folded, true);
  assert.equal(big.summary, '1,500 codes');
  assert.equal(big.codes.length, 1500, 'the folded list still has every code');
  assert.equal(changelogCell(codes(CHANGELOG_LIST_UP_TO + 1)).folded, true);
});

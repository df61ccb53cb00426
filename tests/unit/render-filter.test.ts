import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFilter, isActive, NO_FILTER, summaryText, type FilterItem } from '../../src/render/filter.ts';
import { fragmentOf, suggestionsFor } from '../../src/render/client/unknown-anchor.ts';

const items: FilterItem[] = [
  { code: 'a', statuses: ['404'], category: 'nf' },
  { code: 'b', statuses: ['404'], category: 'other' },
  { code: 'c', statuses: ['502', '503'], category: 'server' },
];

test('no filter shows everything', () => {
  const r = applyFilter(items, NO_FILTER);
  assert.equal(r.visible.size, 3);
  assert.equal(isActive(NO_FILTER), false);
  assert.equal(summaryText(3, 3), 'All 3 codes shown');
});

test('status filter matches any of a code\'s statuses; empty categories drop out', () => {
  const r = applyFilter(items, { status: '503', category: '' });
  assert.deepEqual([...r.visible], ['c']);
  assert.deepEqual([...r.categories], ['server']);
  assert.equal(summaryText(1, 3), '1 of 3 codes shown');
});

test('status and category combine', () => {
  assert.deepEqual([...applyFilter(items, { status: '404', category: 'other' }).visible], ['b']);
  assert.equal(applyFilter(items, { status: '502', category: 'nf' }).visible.size, 0);
});

test('unknown anchors: fragment decoding and suggestions', () => {
  assert.equal(fragmentOf(''), '');
  assert.equal(fragmentOf('#'), '');
  assert.equal(fragmentOf('#turn_not_fond'), 'turn_not_fond');
  assert.equal(fragmentOf('#a%20b'), 'a b');
  assert.equal(fragmentOf('#%E0%A4%A'), '%E0%A4%A', 'bad escapes are kept as typed');
  const codes = ['turn_not_found', 'lab_not_found', 'rate_limit_exceeded'];
  assert.equal(suggestionsFor('turn_not_fond', codes)[0], 'turn_not_found');
  assert.equal(suggestionsFor('TURN_NOT_FOUND', codes)[0], 'turn_not_found');
  assert.deepEqual(suggestionsFor('completely_unrelated_thing', codes), []);
});

test('the filter round-trips through the query string', async () => {
  const { filterFromQuery, filterQuery } = await import('../../src/render/filter.ts');
  assert.equal(filterQuery({ status: '', category: '' }), '');
  assert.equal(filterQuery({ status: '404', category: 'not_found' }), '?status=404&category=not_found');
  assert.deepEqual(filterFromQuery('?category=a%26b'), { status: '', category: 'a&b' });
  for (const s of [{ status: '429', category: '' }, { status: '', category: 'x y' }]) assert.deepEqual(filterFromQuery(filterQuery(s)), s);
});


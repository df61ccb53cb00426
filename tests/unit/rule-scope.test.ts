// Every rule declares what `check --cache` may keep of its findings (src/rules/rule.ts),
// and the declaration holds on the rule's own failing example: checked a second time with
// every code file left unread (its kept findings and summary standing in), and with all
// but one, the catalog gives the full check's findings. A rule marked 'file' that compares files, or a
// 'catalog' rule that reads what summaries leave out (src/check/summary.ts), fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { checkIncremental, readsBeyondCatalog, textDigest, type KeptFile } from '../../src/check/incremental.ts';
import { catalogRoot, diskSource } from '../../src/load/read.ts';
import { RULES } from '../../src/rules/index.ts';
import { materialise } from './helpers.ts';

test('every rule declares its scope', () => {
  for (const rule of RULES) assert.ok(['file', 'catalog'].includes((rule as { scope?: unknown }).scope as string), `${rule.id} has no scope`);
});

for (const rule of RULES) {
  if (rule.fail.base) continue; // a review: never cached
  test(`${rule.id}: its failing example, every code file kept from the run before, gives the full check's findings`, () => {
    const dir = materialise(rule.fail.files, rule.fail.fixture);
    const full = checkCatalog(dir);
    const source = () => diskSource(catalogRoot(dir)!);
    const first = checkIncremental(dir, source(), undefined);
    if (!first) {
      // Only catalogs that read beyond their files (an OpenAPI document, server sources) are checked in full.
      assert.ok(readsBeyondCatalog(full.loaded.catalog?.data), `${rule.id}: no incremental check`);
      return;
    }
    assert.deepEqual(first.result.diagnostics, full.diagnostics, 'every file read');
    const kept = new Map<string, KeptFile>([...first.checked].map(([path, f]) => [path, { ...f, digest: textDigest(readFileSync(path, 'utf8')) }]));
    const again = (read?: string) => checkIncremental(dir, source(), { settings: first.settings, unchanged: (path) => (path === read ? undefined : kept.get(path)) });
    const second = again();
    assert.equal(second?.checked.size, 0, 'no code file read again');
    assert.deepEqual(second.result.diagnostics, full.diagnostics, 'every file kept');
    // As after an edit of one file: that file read and checked alone, the others kept.
    for (const path of kept.keys()) assert.deepEqual(again(path)?.result.diagnostics, full.diagnostics, `only ${path} read`);
  });
}

// The server's code: the fixture API's TypeScript and Python sources emit exactly the
// catalog's live codes; its drifted sources (tests/fixtures/api-drift/server) are
// reported drift by drift at the source's line and column.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { compilePattern, scanSources } from '../../src/bridges/sources.ts';
import { mutateFixture } from './helpers.ts';

const sourceOnly = (list: Diagnostic[]) => list.filter((d) => d.rule.startsWith('source-'));

/** The fixture API with its server replaced by the drifted one. */
function drifted(): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-src-'));
  cpSync('tests/fixtures/api', dir, { recursive: true });
  cpSync('tests/fixtures/api-drift/server', join(dir, 'server'), { recursive: true, force: true });
  return dir;
}

test('the fixture API: its TypeScript and Python sources emit the catalog\'s codes, no more, no fewer', () => {
  assert.deepEqual(sourceOnly(checkCatalog('tests/fixtures/api/catalog').diagnostics), []);
  const scan = scanSources('tests/fixtures/api/catalog', checkCatalog('tests/fixtures/api/catalog').model!.catalog);
  assert.deepEqual([...scan.emitted].sort(), ['invalid_quantity', 'order_not_found', 'out_of_stock', 'rate_limited']);
  // Without a list of located codes, every emission comes with its position.
  assert.deepEqual(scan.emissions.find((e) => e.code === 'invalid_quantity'), { code: 'invalid_quantity', file: 'tests/fixtures/api/server/ts/orders.ts', line: 13, col: 8 });
  // The multi-line `new ApiError(\n  "invalid_quantity"` matched; the excluded test file did not.
  assert.equal(scan.filesRead, 3);
});

test('every drift of the server is reported at the source line and column', () => {
  const dir = drifted();
  const found = sourceOnly(checkCatalog(join(dir, 'catalog')).diagnostics).map((d) => ({ ...d, file: d.file.slice(d.file.indexOf('/catalog/') + 1 || d.file.indexOf('/server/') + 1) }));
  assert.deepEqual(found.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.rule}`), [
    'catalog/codes/out_of_stock.yaml:2:7 warning source-unused-code',
    'catalog/codes/rate_limited.yaml:2:7 warning source-unused-code',
    'server/py/limits.py:7:25 error source-unknown-code',
    'server/py/limits.py:11:21 warning source-retired-code',
    'server/ts/orders.ts:8:41 error source-unknown-code',
  ]);
  const at = (file: string, line: number, col: number, n: number) =>
    readFileSync(join('tests/fixtures/api-drift', file), 'utf8').split('\n')[line - 1]!.slice(col - 1, col - 1 + n);
  assert.equal(at('server/py/limits.py', 7, 25, 11), 'rate_limted');
  assert.equal(at('server/py/limits.py', 11, 21, 14), 'coupon_expired');
  assert.equal(at('server/ts/orders.ts', 8, 41, 12), 'order_locked');
  assert.match(found[2]!.hint!, /did you mean "rate_limited"/);
});

test('hostile patterns: catastrophic backtracking cannot run, capture groups are counted', () => {
  assert.throws(() => compilePattern('(a)\\1'), /linear time/);
  assert.throws(() => compilePattern('(?=x)([a-z]+)'), /linear time/);
  assert.throws(() => compilePattern('[a-z]+'), /0 capture groups/);
  assert.throws(() => compilePattern('(a)(b)'), /2 capture groups/);
  assert.throws(() => compilePattern('(' + 'a'.repeat(2000) + ')'), /longer than/);
  // (a+)+$ backtracks exponentially on a backtracking engine; here it is linear.
  const re = compilePattern('((?:a+)+)$');
  const text = 'a'.repeat(50_000) + 'b';
  assert.equal(re.exec(text), null);
});

test('hostile settings: globs leaving the repository, symlinks out, bad patterns, huge files', () => {
  const dir = mutateFixture('tests/fixtures/api', [
    ['catalog/catalog.yaml', "  - include: ['../server/ts/**/*.ts']", "  - include: ['../server/ts/**/*.ts', '../../**/*.ts', '/etc/*']"],
    ['catalog/catalog.yaml', 'pattern: raise ApiError', 'pattern: (raise) ApiError'],
  ]);
  const outside = mkdtempSync(join(tmpdir(), 'errcat-outside-'));
  writeFileSync(join(outside, 'secret.ts'), "throw new ApiError('leaked_code')");
  symlinkSync(join(outside, 'secret.ts'), join(dir, 'server/ts/link.ts'));
  symlinkSync(outside, join(dir, 'server/ts/linkdir'));
  mkdirSync(join(dir, 'server/ts/big'));
  writeFileSync(join(dir, 'server/ts/big/huge.ts'), `new ApiError('huge_code')${' '.repeat(3e6)}`);
  const found = sourceOnly(checkCatalog(join(dir, 'catalog')).diagnostics);
  const settings = found.filter((d) => d.rule === 'source-settings');
  assert.ok(settings.some((d) => /"\.\.\/\.\.\/\*\*\/\*\.ts" reaches outside/.test(d.message)), JSON.stringify(settings));
  assert.ok(settings.some((d) => /"\/etc\/\*" reaches outside/.test(d.message)));
  assert.ok(settings.some((d) => /2 capture groups/.test(d.message) && d.severity === 'error'));
  assert.ok(settings.some((d) => /2 files not read/.test(d.message)), JSON.stringify(settings));
  assert.ok(!found.some((d) => /leaked_code|huge_code/.test(d.message)));
});

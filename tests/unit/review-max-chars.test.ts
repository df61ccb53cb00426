// --max-chars bounds the pull-request comment exactly, whatever the catalog: 1,500
// warnings once made a 486,684-character "60,000" comment, with the one stability error
// of the change past what GitHub keeps. Errors come first; what does not fit is counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { markdown } from '../../src/reporters/markdown.ts';
import type { CodeChange, Review } from '../../src/review/diff.ts';

const warning = (i: number): Diagnostic => ({
  file: `catalog/codes/code_${i}.yaml`, line: 4, col: 3, severity: 'warning', rule: 'anchor-matches-code',
  message: `the anchor of "code_${i}" is not its code, so old links to it break when the page changes (${'x'.repeat(i % 200)})`, hint: 'set anchor: to the code',
});
const STABILITY: Diagnostic = { file: 'catalog/shipped.yaml', line: 13, col: 1, severity: 'error', rule: 'shipped-code-removed', message: 'shipped code "memory_not_found" was removed', hint: 'shipped codes stay forever' };
const added = (i: number): CodeChange => ({
  code: `code_${i}`, kind: 'added', status: '404', category: 'not_found', file: `codes/code_${i}.yaml`, line: 1, endLine: 9,
  fields: [{ field: 'summary', path: ['summary'], kind: 'text', after: `Summary ${i}. ${'words '.repeat(i % 50)}`, diff: [{ value: `Summary ${i}.`, added: true }] }],
});
const review = (n: number): Review => ({ base: 'main', added: Array.from({ length: n }, (_, i) => added(i)), changed: [], removed: [], renames: [], page: [], files: {}, lock: 'shipped.yaml' });
const openapi = (n: number) => ({ document: 'openapi.yaml', base: 'main', added: Array.from({ length: n }, (_, i) => `GET /things/${i} 404 code_${i}`), removed: [] });

test('1,500 warnings and one stability error at the end: the comment keeps the error and counts the rest, within 60,000 characters', () => {
  const diagnostics = [...Array.from({ length: 1500 }, (_, i) => warning(i)), STABILITY];
  const out = markdown.format({ diagnostics, codeCount: 1500, review: review(1500), openapi: openapi(1500), links: { maxChars: 60_000, artifactUrl: 'https://github.test/o/r/actions/runs/1' } });
  assert.ok(out.length <= 60_000, `${out.length} characters`);
  assert.ok(out.length > 50_000, `the bound is used, not wasted: ${out.length}`);
  const error = out.indexOf('`shipped-code-removed`');
  assert.ok(error > 0 && error < out.indexOf('`anchor-matches-code`'), 'the error comes before every warning');
  assert.match(out, /- …and 1,\d{3} more warnings: see the full report\./);
  assert.match(out, /…and [\d,]+ more changed codes?: see the full report\./);
  assert.match(out, /The check failed with 1 error and 1500 warnings/);
});

test('the check\'s own Markdown report (no --base) holds the bound too, errors first', () => {
  const diagnostics = [...Array.from({ length: 1500 }, (_, i) => warning(i)), STABILITY];
  const out = markdown.format({ diagnostics, codeCount: 1500, links: { maxChars: 10_000 } });
  assert.ok(out.length <= 10_000 && out.length > 9_000, `${out.length} characters`);
  assert.match(out, /^### Error catalog check\n\n1 error, 1500 warnings in 1500 codes\n\n- `catalog\/shipped\.yaml:13:1` \*\*error\*\*/);
  assert.match(out, /- …and 1,4\d\d more warnings: see the full report\.\n$/);
});

test('property: the bound holds for any size of review and any --max-chars', () => {
  fc.assert(
    fc.property(fc.nat(400), fc.nat(400), fc.nat(400), fc.integer({ min: 1, max: 40_000 }), (warnings, codes, paths, max) => {
      const diagnostics = [...Array.from({ length: warnings }, (_, i) => warning(i)), STABILITY];
      const out = markdown.format({ diagnostics, codeCount: codes, review: review(codes), openapi: openapi(paths), links: { maxChars: max } });
      assert.ok(out.length <= max, `${out.length} > ${max}`);
      const check = markdown.format({ diagnostics, codeCount: codes, links: { maxChars: max } });
      assert.ok(check.length <= max, `check: ${check.length} > ${max}`);
      if (max > 2_000) assert.match(out, /shipped-code-removed/, 'an error is always kept when there is room for one');
    }),
    { numRuns: 60 },
  );
});

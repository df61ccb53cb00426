// The check reads a sample's syntax errors straight from oxc-parser's binding (src/model/
// sample-syntax.ts), not through the package's parseSync: the first error, and where it
// is, must be the ones the package's own parseSync reports, for any sample.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseSync } from 'oxc-parser';
import { textPosition } from '../../src/load/load.ts';
import { parseHere } from '../../src/model/sample-syntax.ts';

/** What the package's parseSync says of a sample, in parseHere's terms. */
function throughPackage(lang: 'ts' | 'js', code: string) {
  const first = parseSync(`sample.${lang}`, code, { lang, sourceType: 'module' }).errors[0];
  return first ? { message: first.message, ...textPosition(code, first.labels[0]?.start ?? 0) } : null;
}

// Pieces of real code and of broken code, so that samples both parse and fail in many places.
const piece = fc.constantFrom(
  'const x = 1;', 'let y: number = 2;', 'await client.get("a");', 'try {', '} catch (err) {', '}', '{', ')', '(',
  'if (err.code === "not_found") console.error(err.docsUrl);', 'import { a } from "b";', 'export default a;',
  'function f(a: string): void {', 'return;', '...', '// a comment', '/* open comment', 'x =>', '<T>(a: T) => a',
  '"unterminated', '`template ${x}`', 'type T = { a: string };', 'interface I { a: number }', 'enum E { A }', '\n', ' ', '\t',
  'new Error("x")', 'class A { #p = 1 }', 'a?.b ?? c', '0x1F', '1_000n', '/re/g', '@decorator', 'yield', 'let let = 1;',
);
const sample = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((p) => p.join('\n')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

test('a sample parsed in the check has the same first syntax error, at the same place, as through oxc-parser\'s parseSync', () => {
  fc.assert(
    fc.property(fc.constantFrom('ts' as const, 'js' as const), sample, (lang, code) => {
      assert.deepEqual(parseHere(lang, code), throughPackage(lang, code));
    }),
    { numRuns: 500 },
  );
});

test('the broken samples of the property do occur: an error at a line and column past the first', () => {
  const found = parseHere('ts', 'const a = 1;\ntry {\n  a(;\n}');
  assert.ok(found && found.line === 3, JSON.stringify(found));
  assert.equal(parseHere('js', 'const ok = [1, 2, 3].map((n) => n * 2);'), null);
});

// The check reads a sample's syntax errors straight from oxc-parser's binding (src/model/
// sample-syntax.ts), not through the package's parseSync: the first error, and where it
// is, must be the ones the package's own parseSync reports, for any sample. A large
// catalog's samples are parsed on another thread ahead of the rules (src/bridges/
// sample-syntax-early.ts): the findings must be those of a parse in this process.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { parseSync } from 'oxc-parser';
import { textPosition } from '../../src/load/load.ts';
import { IN_PROCESS_CHARS, parseHere, syntaxErrors } from '../../src/model/sample-syntax.ts';
import { EARLY_SAMPLES, startSampleParsing, takeSampleParsing } from '../../src/bridges/sample-syntax-early.ts';
import { checkCatalog } from '../../src/check/check.ts';
import { validate } from '../../src/check/validate.ts';
import { loadCatalog, type LoadedCatalog } from '../../src/load/load.ts';
import { sortDiagnostics } from '../../src/load/diagnostics.ts';
import { generateCatalog } from '../../bench/generate.ts';

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

/** A catalog as loaded whose one code file holds `samples` as its examples. */
function loadedWith(samples: { lang: string; code: string }[]): LoadedCatalog {
  const file = { path: 'codes/a.yaml', text: '', data: { examples: samples } };
  return { dir: 'x', catalog: undefined, codes: [file], unreadable: [], codesListed: true, lock: undefined, diagnostics: [] };
}

test('samples parsed on another thread ahead of the rules give the findings of a parse in this process, samples it was not given included', () => {
  const lang = fc.constantFrom('ts', 'js', 'http', 'python');
  fc.assert(
    fc.property(fc.array(fc.record({ lang, code: sample }), { maxLength: 20 }), fc.array(fc.record({ lang, code: sample }), { maxLength: 5 }), (given, others) => {
      const loaded = loadedWith(given);
      startSampleParsing(loaded, { min: 1, anyLoad: true });
      const known = takeSampleParsing(loaded);
      const all = [...given, ...others];
      assert.deepEqual(syntaxErrors(all, known), syntaxErrors(all));
    }),
    { numRuns: 25 },
  );
});

test('the thread is started only for enough samples, and its answers are used', () => {
  const samples = [{ lang: 'ts', code: 'const a = (;' }, { lang: 'js', code: 'ok();' }];
  const few = loadedWith(samples);
  startSampleParsing(few, { min: 3, anyLoad: true });
  assert.equal(takeSampleParsing(few), undefined);
  const enough = loadedWith(samples);
  startSampleParsing(enough, { min: 2, anyLoad: true });
  const known = takeSampleParsing(enough)!;
  assert.deepEqual([known('ts', 'const a = (;')?.[1], known('js', 'ok();')], [11, null]);
  // A sample it was not given is not known: parsed in this process.
  assert.equal(known('ts', 'other();'), undefined);
  // Taken once.
  assert.equal(takeSampleParsing(enough), undefined);
});

test('a sample nested as deep as this process parses it does not overflow the thread\'s stack', () => {
  const deep = ['('.repeat(IN_PROCESS_CHARS), '['.repeat(IN_PROCESS_CHARS), `a${'<a'.repeat(IN_PROCESS_CHARS / 2 - 1)}`, `x=${'!'.repeat(IN_PROCESS_CHARS - 2)}`, '`${'.repeat(IN_PROCESS_CHARS / 3)];
  const samples = deep.map((code) => ({ lang: 'ts', code }));
  const loaded = loadedWith(samples);
  startSampleParsing(loaded, { min: 1, anyLoad: true });
  const known = takeSampleParsing(loaded);
  assert.ok(known);
  assert.deepEqual(syntaxErrors(samples, known), syntaxErrors(samples));
});

test('a check of a large catalog reports the same syntax errors with the samples parsed ahead as without', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'errcat-samples-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const dir = generateCatalog(join(tmp, 'catalog'), EARLY_SAMPLES);
  const broken = ['auth_generated_error_0', 'server_generated_error_5', 'conflict_generated_error_105'];
  for (const code of broken) {
    const path = join(dir, 'codes', `${code}.yaml`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('} catch (err) {', '} catch (err {'));
  }
  const loaded = loadCatalog(dir);
  startSampleParsing(loaded, { anyLoad: true });
  const ahead = validate(loaded).diagnostics;
  const here = validate(loadCatalog(dir)).diagnostics;
  assert.equal(ahead.filter((d) => d.rule === 'example-syntax').length, broken.length);
  assert.deepEqual(sortDiagnostics(ahead), sortDiagnostics(here));
  // And the check itself, which starts the thread when a core is idle.
  assert.deepEqual(checkCatalog(dir).diagnostics, sortDiagnostics(here));
});

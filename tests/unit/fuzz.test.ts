// Property test: mutate the real catalogs (line edits, random bytes, YAML tags, anchors and
// aliases, deep nesting, huge lines) and check that the check always ends well: a verdict
// (exit 0, 1 or 2), no internal error or stack trace, a bounded time per case, the same
// output on a second run, and no file changed. `npm test` runs a bounded number of cases;
// FUZZ_RUNS=5000 runs more (FUZZ_SEED replays a failure fast-check reports).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkCatalog, INTERNAL_ERROR } from '../../src/check/check.ts';
import { REPORTERS } from '../../src/reporters/index.ts';
import { errorsDts, errorsJson, llmsFullTxt, llmsTxt } from '../../src/render/exports.ts';
import { readTree } from './helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** Generous: a case is a whole catalog checked twice on a busy machine. Not a speed target. */
const CASE_LIMIT_MS = 60_000;

const CATALOGS = ['catalog', 'examples/almyty/catalog', 'tests/fixtures/mini'];

/** Each catalog copied once; a case rewrites one file and puts it back. Text is latin1 so any byte survives. */
const work = mkdtempSync(join(tmpdir(), 'errcat-fuzz-'));
const copies = CATALOGS.map((src, i) => {
  const dir = join(work, String(i));
  cpSync(src, dir, { recursive: true });
  const files = ['catalog.yaml', 'shipped.yaml', ...readdirSync(join(dir, 'codes')).map((n) => `codes/${n}`)];
  return { dir, files, text: new Map(files.map((f) => [f, readFileSync(join(dir, f), 'latin1')])) };
});
test.after(() => rmSync(work, { recursive: true, force: true }));

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

const SNIPPETS = [
  '&a', '*a', '*x', '<<: *a', 'x: &a [1, 2]', 'y: *a', '!!binary aGk=', '!custom', '!!str', '!!map {}', '? complex key', ': value',
  '- ', '---', '...', '%YAML 1.1', '%TAG ! tag:x,2000:', '|', '>-', '|+9', '{', '[', '}', ']', '"', "'", '#', '@', '`', '\t',
  'code: constructor', 'code: __proto__', 'code: toString', 'code: ..', 'code: sidebar', 'code: llms.txt', '__proto__: {}',
  'constructor: 1', 'related:\n  - code: missing\n    note: x', 'status: 999', 'category: nope', 'code_pattern: "^(a+)+$"',
  'summary: "\u2028x"', 'api: "A\\rB"', 'api: 1st', 'see [x](#%ff)', '<script>x</script>', '[y](javascript:alert(1))',
  'when: |\n  - - - - -', 'x: ~', 'x: 0x1F', 'x: .nan', 'x: 2026-11-01', '"\\u0000"', 'x: !!int "12"',
].map(utf8);

type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert'; line: number; text: string; indent: number }
  | { kind: 'bytes'; at: number; bytes: string }
  | { kind: 'nest'; at: number; unit: string; count: number }
  | { kind: 'huge'; at: number; unit: string; count: number };

const pos = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: pos }),
  fc.record({ kind: fc.constant('swap' as const), line: pos, other: pos }),
  fc.record({ kind: fc.constant('insert' as const), line: pos, text: fc.constantFrom(...SNIPPETS), indent: fc.nat({ max: 6 }) }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: pos,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }).map((b) => Buffer.from(b).toString('latin1')),
  }),
  fc.record({ kind: fc.constant('nest' as const), at: pos, unit: fc.constantFrom('[', '{', '- ', '  ', '? ', 'a: '), count: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('huge' as const), at: pos, unit: fc.constantFrom('x', '- ', '[', '*a, ', 'k: 1\n', ' '), count: fc.integer({ min: 1_000, max: 150_000 }) }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const at = (n: number) => n % (lines.length || 1);
  switch (m.kind) {
    case 'delete':
      lines.splice(at(m.line), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(at(m.line), 0, lines[at(m.line)] ?? '');
      return lines.join('\n');
    case 'swap': {
      const [i, j] = [at(m.line), at(m.other)];
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'insert':
      lines.splice(at(m.line), 0, ...m.text.split('\n').map((l) => ' '.repeat(m.indent) + l));
      return lines.join('\n');
    case 'bytes':
    case 'nest':
    case 'huge': {
      const i = m.at % (text.length + 1);
      const added = m.kind === 'bytes' ? m.bytes : m.unit.repeat(m.count);
      return text.slice(0, i) + added + text.slice(i);
    }
  }
}

const testCase = fc.record({
  catalog: fc.nat({ max: copies.length - 1 }),
  file: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});
type Case = typeof testCase extends fc.Arbitrary<infer T> ? T : never;

/** Write the case's file, run `fn` on the catalog, put the file back. */
function withCase<T>(c: Case, fn: (dir: string) => T): T {
  const copy = copies[c.catalog]!;
  const file = copy.files[c.file % copy.files.length]!;
  const original = copy.text.get(file)!;
  writeFileSync(join(copy.dir, file), c.mutations.reduce(apply, original), 'latin1');
  try {
    return fn(copy.dir);
  } finally {
    writeFileSync(join(copy.dir, file), original, 'latin1');
  }
}

/** Everything a user could get from the run: diagnostics, summary and, for a clean catalog, every export. */
function render(dir: string): string {
  const r = checkCatalog(dir);
  const internal = r.diagnostics.filter((d) => d.rule === INTERNAL_ERROR);
  assert.deepEqual(internal, [], 'the check failed internally');
  const run = { diagnostics: r.diagnostics, codeCount: r.codeCount, docsUrl: r.docsUrl };
  const out = Object.values(REPORTERS).map((reporter) => reporter.format(run));
  if (r.model) out.push(errorsDts(r.model), JSON.stringify(errorsJson(r.model)), llmsTxt(r.model), llmsFullTxt(r.model));
  return out.join('\n');
}

test(`fuzz: ${RUNS} mutated catalogs each end in a verdict, the same twice, with no file changed`, { timeout: 0 }, () => {
  const stats = { clean: 0, problems: 0 };
  fc.assert(
    fc.property(testCase, (c) =>
      withCase(c, (dir) => {
        const before = readTree(dir);
        const start = performance.now();
        const first = render(dir);
        assert.ok(performance.now() - start < CASE_LIMIT_MS, `took ${Math.round(performance.now() - start)} ms`);
        assert.equal(render(dir), first, 'a second run printed something else');
        assert.deepEqual(readTree(dir), before, 'the check changed a file');
        stats[/catalog clean/.test(first) ? 'clean' : 'problems']++;
      }),
    ),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`fuzz: ${RUNS} cases, ${stats.problems} with problems, ${stats.clean} clean`);
});

test(`fuzz (CLI): ${Math.ceil(RUNS / 10)} mutated catalogs through errcat, with a 512 MB heap`, { timeout: 0 }, () => {
  fc.assert(
    fc.property(testCase, fc.constantFrom('text', 'json', 'github'), (c, format) =>
      withCase(c, (dir) => {
        const run = () =>
          spawnSync(process.execPath, ['--max-old-space-size=512', 'bin/errcat.js', 'check', dir, '--format', format], {
            encoding: 'utf8',
            timeout: 120_000,
            maxBuffer: 256 << 20,
          });
        const first = run();
        assert.equal(first.signal, null, 'killed: no verdict in time');
        assert.ok([0, 1, 2].includes(first.status!), `exit ${first.status}`);
        assert.doesNotMatch(first.stdout + first.stderr, /\n\s+at .+:\d+:\d+\)?$/m, 'a stack trace');
        assert.doesNotMatch(first.stdout, new RegExp(INTERNAL_ERROR));
        assert.equal(run().stdout, first.stdout);
      }),
    ),
    { numRuns: Math.ceil(RUNS / 10), seed: SEED, endOnFailure: true },
  );
});

// Inputs from issue 9 that crashed, hung or leaked: each ends in positioned diagnostics,
// within bounded time and memory, and nothing outside the catalog is read. Runs that
// could hang before the fix go through a child process with a timeout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { checkCatalog } from '../../src/check/check.ts';
import { LIMITS } from '../../src/load/limits.ts';
import { DELETE, mutateFixture } from './helpers.ts';

const T = 'codes/thing_not_found.yaml';
const C = 'catalog.yaml';

/** `errcat check` in a child process, killed after a generous bound so a hang fails the test instead of stalling it. */
function errcat(dir: string, timeout = 60_000) {
  const r = spawnSync(process.execPath, ['bin/errcat.js', 'check', dir], { encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  assert.equal(r.signal, null, `killed (${r.signal}): the check did not finish`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function rules(dir: string): string[] {
  return checkCatalog(dir).diagnostics.map((d) => `${d.file.split('/').pop()}:${d.line}:${d.col} ${d.rule}`);
}

const noTrace = (text: string) => assert.doesNotMatch(text, /\n\s+at [^\n]+:\d+:\d+\)?\n|Error:/, text.slice(0, 2000));

test('an alias with no anchor is a yaml-syntax diagnostic at the alias', () => {
  const dir = mutateFixture('tests/fixtures/mini', [[T, 'category: not_found', 'category: *x']]);
  assert.deepEqual(rules(dir), ['thing_not_found.yaml:4:11 yaml-syntax']);
});

test('a link to a malformed #fragment (%ff) is an unresolved reference, not a URIError', () => {
  const dir = mutateFixture('tests/fixtures/mini', [[T, '- Check the ID.', '- Check [the ID](#%ff).']]);
  assert.deepEqual(rules(dir), ['thing_not_found.yaml:9:20 reference-resolves']);
});

test('a very long line of "- " right after a block scalar, less indented than its text, ends in a diagnostic', () => {
  // Found by the fuzz test: the line ends the block scalar, so it is structure, not text.
  const dir = mutateFixture('tests/fixtures/mini', [[T, '  The thing does not exist, or belongs to another user.\n', `  The thing does not exist.\n ${'- '.repeat(40_000)}\n`]]);
  const r = errcat(dir);
  assert.equal(r.code, 1);
  noTrace(r.out + r.err);
  assert.match(r.out, /thing_not_found\.yaml:8:\d+ +error +limit-exceeded +nesting deeper than 32 levels/);
  assert.doesNotMatch(r.out, /internal-error/);
});

test('a very long line of "- " after a block scalar ends in diagnostics', () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  appendFileSync(join(dir, T), `${'- '.repeat(100_000)}\n`);
  const r = errcat(dir);
  assert.equal(r.code, 1);
  noTrace(r.out + r.err);
  assert.match(r.out, /thing_not_found\.yaml:29:\d+ +error +limit-exceeded +nesting deeper than 32 levels/);
});

for (const [name, text] of [
  ['flow', `notes: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
  ['block', `notes:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}-\n`).join('')}`],
  ['one level past the limit', `notes: ${'['.repeat(LIMITS.depth + 1)}${']'.repeat(LIMITS.depth + 1)}\n`],
] as const) {
  test(`deep nesting (${name}) is a limit-exceeded diagnostic`, () => {
    const dir = mutateFixture('tests/fixtures/mini', []);
    appendFileSync(join(dir, T), text);
    const r = errcat(dir);
    assert.equal(r.code, 1);
    noTrace(r.out + r.err);
    assert.match(r.out, /thing_not_found\.yaml:\d+:\d+ +error +limit-exceeded +nesting deeper than/);
  });
}

test('alias expansion through a valid field stops at the limit (18 KB file, bounded memory)', () => {
  const dir = mutateFixture('tests/fixtures/mini', [[T, 'summary: No thing has this ID.', 'summary: &a No thing has this ID.']]);
  // Each level repeats the previous one nine times: 9^30 strings once expanded.
  const levels = ['  - &l0 [*a, *a, *a, *a, *a, *a, *a, *a, *a]'];
  for (let i = 1; i < 30; i++) levels.push(`  - &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  appendFileSync(join(dir, T), `tables:\n  - columns: [a]\n    rows:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', 'bin/errcat.js', 'check', dir], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.signal, null);
  noTrace(r.stdout + r.stderr);
  assert.match(r.stdout, /thing_not_found\.yaml:\d+:\d+ +error +limit-exceeded +aliases expand this file beyond/);
});

test('a code_pattern with catastrophic backtracking is matched in linear time (RE2)', () => {
  const long = `${'a'.repeat(40)}!`;
  const dir = mutateFixture('tests/fixtures/mini', [[C, /^code_pattern: .*$/m, "code_pattern: '^(a+)+$$'"], [T, 'code: thing_not_found', `code: ${long}`]]);
  const r = errcat(dir);
  assert.equal(r.code, 1);
  assert.match(r.out, new RegExp(`code "${long}" does not match the catalog's pattern`));
});

test('a code_pattern RE2 cannot run in linear time (backreference, lookahead) is refused at code_pattern', () => {
  for (const pattern of ['^(a)\\1$$', '^(?=a)[a-z]+$$']) {
    const dir = mutateFixture('tests/fixtures/mini', [[C, /^code_pattern: .*$/m, `code_pattern: '${pattern}'`]]);
    assert.deepEqual(rules(dir), ['catalog.yaml:6:15 invalid-value'], pattern);
  }
});

test('unknown keys are reported in linear time: 25,000 keys in one file', () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  appendFileSync(join(dir, T), Array.from({ length: 25_000 }, (_, i) => `k${i}: 1\n`).join(''));
  // A generous bound, in a child process so it holds: quadratic lookups took minutes here.
  const r = errcat(dir, 120_000);
  const found = r.out.split('\n').filter((l) => /unknown-key/.test(l));
  assert.equal(found.length, 25_000);
  assert.match(found[0]!, /thing_not_found\.yaml:29:1 /);
  assert.match(found.at(-1)!, new RegExp(`thing_not_found\\.yaml:${29 + 24_999}:1 `));
});

test('a *.yaml that is a FIFO is refused, not opened for reading', () => {
  const dir = mutateFixture('tests/fixtures/mini', [[T, DELETE, '']]);
  execFileSync('mkfifo', [join(dir, T)]);
  const r = errcat(dir);
  assert.equal(r.code, 1);
  assert.match(r.out, /thing_not_found\.yaml:1:1 +error +unsafe-file +thing_not_found\.yaml is a FIFO, not a regular file: not read/);
  // Its code is unknown, not missing: no "removed from the lock", no "related code does not exist".
  assert.doesNotMatch(r.out, /shipped-code-removed|related-resolves|example-code-match/);
});

test('a symlink to /dev/zero is refused', () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  symlinkSync('/dev/zero', join(dir, 'codes/zero.yaml'));
  const r = errcat(dir);
  assert.equal(r.code, 1);
  assert.match(r.out, /zero\.yaml:1:1 +error +unsafe-file +zero\.yaml is a symbolic link that leaves the catalog directory/);
});

test('a symlink out of the catalog is not read: the target never appears in the output', () => {
  const outside = mkdtempSync(join(tmpdir(), 'secret-'));
  const secret = join(outside, 'token.yaml');
  writeFileSync(secret, 'code: [SECRET-TOKEN-1234\n');
  const dir = mutateFixture('tests/fixtures/mini', []);
  symlinkSync(secret, join(dir, 'codes/leak.yaml'));
  symlinkSync(outside, join(dir, 'linked-codes'));
  for (const format of ['text', 'json', 'github']) {
    const r = spawnSync(process.execPath, ['bin/errcat.js', 'check', dir, '--format', format], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET-TOKEN/);
    assert.match(r.stdout, /unsafe-file/);
  }
  // codes/ itself leaving the catalog: refused as a whole, and no cascade of "missing" codes.
  const dir2 = mutateFixture('tests/fixtures/mini', []);
  rmSync(join(dir2, 'codes'), { recursive: true });
  symlinkSync(outside, join(dir2, 'codes'));
  assert.deepEqual(rules(dir2), ['codes:1:1 unsafe-file']);
  rmSync(outside, { recursive: true });
});

test('a symlink that stays inside the catalog is read like the file it points to', () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  rmSync(join(dir, 'shipped.yaml'));
  writeFileSync(join(dir, 'lock.yaml'), '{}\n');
  symlinkSync('lock.yaml', join(dir, 'shipped.yaml'));
  assert.deepEqual(rules(dir), []);
});

test('a file larger than the limit is refused unread', () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  appendFileSync(join(dir, T), `notes: ${'x'.repeat(LIMITS.fileBytes)}\n`);
  assert.deepEqual(rules(dir), ['thing_not_found.yaml:1:1 limit-exceeded']);
});

test('a file that fails to parse is reported once: rules that look its code up stay quiet', () => {
  const dir = mutateFixture('tests/fixtures/mini', [[T, 'category: not_found', 'category: [not_found']]);
  // rate_limited links to thing_not_found, the catalog's example shows it, the lock lists it.
  assert.deepEqual(rules(dir), ['thing_not_found.yaml:5:1 yaml-syntax']);
});

test('codes named constructor, __proto__ and toString are shipped to the lock and protected like any other', () => {
  const names = ['constructor', '__proto__', 'toString'];
  const dir = mutateFixture('tests/fixtures/mini', [[C, /^code_pattern: .*$/m, "code_pattern: '^[A-Za-z_][A-Za-z0-9_]*$$'"]]);
  const template = readFileSync(join(dir, 'codes/rate_limited.yaml'), 'utf8');
  for (const n of names) writeFileSync(join(dir, `codes/${n}.yaml`), template.replaceAll('rate_limited', n));
  assert.deepEqual(rules(dir), []);
  const ship = spawnSync(process.execPath, ['bin/errcat.js', 'ship', dir], { encoding: 'utf8' });
  assert.equal(ship.status, 0, ship.stdout + ship.stderr);
  assert.match(ship.stdout, /shipped 3 codes on \d{4}-\d{2}-\d{2}: __proto__, constructor, toString/);
  const lock = readFileSync(join(dir, 'shipped.yaml'), 'utf8');
  for (const n of names) assert.match(lock, new RegExp(`^${n}: \\{ status: \\[429\\], category: limits, date: \\d{4}-\\d{2}-\\d{2} \\}$`, 'm'));
  // Now the stability rules hold them: a status change and a removal are reported.
  for (const n of names) writeFileSync(join(dir, `codes/${n}.yaml`), template.replaceAll('rate_limited', n).replace('status: [429]', 'status: [404]'));
  rmSync(join(dir, 'codes/toString.yaml'));
  assert.deepEqual(rules(dir).sort(), [
    '__proto__.yaml:3:9 shipped-status-changed',
    'constructor.yaml:3:9 shipped-status-changed',
    'shipped.yaml:8:1 shipped-code-removed',
  ]);
});

test('reserved names are refused up front, at the code, with a hint', () => {
  const dir = mutateFixture('tests/fixtures/mini', [[C, /^code_pattern: .*$/m, "code_pattern: '.'"]]);
  const template = readFileSync(join(dir, 'codes/rate_limited.yaml'), 'utf8');
  const names = { sidebar: 'starlight__sidebar', top: '_top', filters: 'ec-filter-status', dots: '..', export: 'llms.txt', pagefind: 'pagefind', space: 'a b' };
  for (const [file, code] of Object.entries(names)) writeFileSync(join(dir, `codes/${file}.yaml`), template.replace('code: rate_limited', `code: "${code}"`));
  const found = checkCatalog(dir).diagnostics.filter((d) => d.rule === 'code-reserved');
  assert.deepEqual(found.map((d) => `${d.file.split('/').pop()}:${d.line}:${d.col}`).sort(), Object.keys(names).map((f) => `${f}.yaml:2:7`).sort());
  for (const d of found) assert.match(d.hint!, /choose another name/);
});

test('a file with a YAML error on every line lists the first ones and counts the rest', () => {
  // Found by the fuzz test: 115,667 errors in one file, each with a stack trace, took a minute.
  const dir = mutateFixture('tests/fixtures/mini', []);
  appendFileSync(join(dir, T), '} k: 1\n'.repeat(30_000));
  const r = errcat(dir);
  assert.equal(r.code, 1);
  const lines = r.out.split('\n').filter((l) => /thing_not_found\.yaml:\d+:\d+ +error +yaml-syntax/.test(l));
  assert.equal(lines.length, LIMITS.syntaxErrors + 1);
  assert.match(lines.at(-1)!, /\d+ more YAML errors in this file/);
});

test('a file with the same key on every line lists the first duplicates and counts the rest', () => {
  // Found by the fuzz test: 50,159 duplicate keys in one file each became a diagnostic.
  const dir = mutateFixture('tests/fixtures/mini', []);
  appendFileSync(join(dir, T), 'x: 1\n'.repeat(40_000));
  const r = errcat(dir);
  assert.equal(r.code, 1);
  const lines = r.out.split('\n').filter((l) => /thing_not_found\.yaml:\d+:\d+ +error +(duplicate-key|yaml-syntax)/.test(l));
  assert.equal(lines.length, LIMITS.syntaxErrors + 1);
  assert.match(lines.at(-1)!, /\d+ more YAML errors in this file/);
});

test('a TypeScript sample nested 60,000 levels deep is a diagnostic at the sample, not a crash of the native parser', () => {
  const deep = `${'('.repeat(60_000)}1`;
  const dir = mutateFixture('tests/fixtures/mini', [[T, 'related:\n', `  - lang: ts\n    code: "${deep}"\nrelated:\n`]]);
  const r = errcat(dir);
  assert.equal(r.code, 1, r.err);
  noTrace(r.out + r.err);
  assert.match(r.out, /thing_not_found\.yaml:27:\d+ +error +example-syntax +ts example does not parse: nested too deeply.*hint: a sample people copy is short/);
});

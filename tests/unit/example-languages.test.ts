// Examples in several languages: grouped into synced tabs in the declared order, one
// example per language, and TypeScript/JavaScript samples must parse.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { IN_PROCESS_CHARS, syntaxErrors } from '../../src/model/sample-syntax.ts';
import { checkCatalog } from '../../src/check/check.ts';
import type { Example } from '../../src/model/schema.ts';
import { groupExamples } from '../../src/render/example-tabs.ts';
import { mutateFixture, type Edit } from './helpers.ts';

const ex = (lang: Example['lang'], code = 'x'): Example => ({ lang, code });
const languages = [{ lang: 'http' as const, label: 'HTTP' }, { lang: 'ts' as const, label: 'TypeScript' }, { lang: 'python' as const, label: 'Python' }];

test('declared languages form one tab group, in the declared order, where the first of them stands', () => {
  const [json, py, http, ts] = [ex('json'), ex('python'), ex('http'), ex('ts')];
  const groups = groupExamples([json, py, http, ts], languages);
  assert.deepEqual(groups.map((g) => g.kind), ['single', 'tabs']);
  assert.equal(groups[0]!.kind === 'single' && groups[0]!.example, json);
  const tabs = groups[1]!.kind === 'tabs' ? groups[1]!.tabs : [];
  assert.deepEqual(tabs.map((t) => t.label), ['HTTP', 'TypeScript', 'Python']);
  assert.deepEqual(tabs.map((t) => t.example), [http, ts, py]);
  // One declared example alone, or no declared languages: plain examples as before.
  assert.deepEqual(groupExamples([http, json], languages).map((g) => g.kind), ['single', 'single']);
  assert.deepEqual(groupExamples([http, ts], undefined).map((g) => g.kind), ['single', 'single']);
});

test('Amy: turn_not_found shows its HTTP response and the TypeScript SDK side by side', () => {
  const model = checkCatalog('catalog').model!;
  const code = model.byCode.get('turn_not_found')!;
  const [group] = groupExamples(code.examples, model.catalog.languages);
  assert.equal(group!.kind, 'tabs');
  assert.deepEqual(group!.kind === 'tabs' && group!.tabs.map((t) => t.label), ['HTTP', 'TypeScript SDK']);
  // The SDK sample is the reference's, and it parses.
  assert.match(code.examples![1]!.code, /err instanceof errors\.NotFoundError/);
});

const API = 'tests/fixtures/api';
const N = 'catalog/codes/order_not_found.yaml';

function found(edits: Edit[], rule: string) {
  const dir = mutateFixture(API, edits);
  return checkCatalog(join(dir, 'catalog')).diagnostics.filter((d) => d.rule === rule);
}

test('example-syntax: a TypeScript sample that does not parse, at its line and column', () => {
  const [d, ...rest] = found([[N, 'await orders.retrieve("ord_42");', 'await orders.retrieve("ord_42";']], 'example-syntax');
  assert.equal(rest.length, 0);
  assert.match(d!.message, /ts example does not parse: Expected `,` or `\)` but found `;`/);
  assert.deepEqual([d!.file.endsWith(N), d!.line, d!.col], [true, 30, 39]);
  // Python has no parser at hand in Node: not checked, not reported.
  assert.deepEqual(found([[N, '          orders.retrieve("ord_42")\n', '          orders.retrieve("ord_42"\n']], 'example-syntax'), []);
});

test('example-language: a second example of a language in one tab group, a language declared twice', () => {
  const twice = found([[N, '  - lang: python', '  - lang: ts']], 'example-language');
  assert.equal(twice.length, 1);
  assert.match(twice[0]!.message, /a second "ts" example/);
  assert.deepEqual([twice[0]!.line, twice[0]!.col], [36, 11]);
  const declared = found([['catalog/catalog.yaml', '  - lang: python\n    label: Python', '  - lang: ts\n    label: Python']], 'example-language');
  assert.match(declared[0]!.message, /language "ts" is declared twice/);
});

test('example-syntax: samples nested deeper than the native parser can go are reported, and the check survives', () => {
  // 30,000 `(` overflow oxc-parser's stack: in this process that would end the check.
  const deep = `${'('.repeat(30_000)}1${')'.repeat(30_000)}`;
  const long = `const answer = ${'1 + '.repeat(400)}1;\nawait orders.retrieve("ord_42";\n`;
  const samples = syntaxErrors([
    { lang: 'ts', code: deep },
    { lang: 'ts', code: long },
    { lang: 'js', code: 'const fine = 1;\n' },
    { lang: 'python', code: 'print(' },
  ]);
  assert.ok(long.length > IN_PROCESS_CHARS && deep.length > IN_PROCESS_CHARS);
  assert.match(samples[0]!.message, /nested too deeply/);
  // The long sample beside it is still parsed, out of process, its error at its own line.
  assert.deepEqual([samples[1]!.message, samples[1]!.line, samples[1]!.col], ['Expected `,` or `)` but found `;`', 2, 31]);
  assert.equal(samples[2], null);
  assert.equal(samples[3], undefined);
});

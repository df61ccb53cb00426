// A JSON OpenAPI document is walked on JSON.parse's data, its offsets found by scanning the
// text on demand (openapi-tree.ts); before, `yaml`'s positions parse read it. Both must
// give every node the same offset and every finding the same file:line:col: checked on
// every node of random JSON in random layouts, on the fixtures' documents rewritten as
// JSON, and on random OpenAPI documents (codes, members, $refs good and dangling).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, parseDocument, type Node } from 'yaml';
import { readyText, walkDocs } from '../../src/bridges/openapi.ts';
import { childOf, docFile, itemsOf, parseJson, scalarValue, type DocFile } from '../../src/bridges/openapi-tree.ts';
import { bothWays, catalogOf, catalogs, openapi, sameNodes } from './openapi-walk-arbitrary.ts';

/** The file as the walk read it before: `yaml` with positions, whatever the text. */
const yamlFile = (path: string, text: string): DocFile => ({ path, text, data: undefined, doc: parseDocument(text, { prettyErrors: false }) });

function jsonFile(path: string, text: string): DocFile {
  const file = docFile(path, text);
  assert.ok(file.json, 'read as JSON');
  return file;
}

/** JSON with the layout drawn: whitespace between tokens, escapes in strings, keys in JavaScript's order (integer-like first) or reversed. */
type Layout = { space: string[]; escape: boolean; reversed?: boolean };
function write(value: unknown, layout: Layout): string {
  let n = 0;
  const ws = () => layout.space[n++ % layout.space.length]!;
  const str = (s: string) => {
    const plain = JSON.stringify(s);
    return layout.escape ? plain.replace(/[a/é]/g, (c) => (c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)) : plain;
  };
  const go = (v: unknown): string => {
    if (Array.isArray(v)) return `[${ws()}${v.map((x) => `${go(x)}${ws()}`).join(`,${ws()}`)}]`;
    if (v && typeof v === 'object') {
      const entries = layout.reversed ? Object.entries(v).reverse() : Object.entries(v);
      return `{${ws()}${entries.map(([k, x]) => `${str(k)}${ws()}:${ws()}${go(x)}${ws()}`).join(`,${ws()}`)}}`;
    }
    return typeof v === 'string' ? str(v) : JSON.stringify(v);
  };
  return `${ws()}${go(value)}${ws()}`;
}

const layout = fc.record({
  space: fc.array(fc.constantFrom('', ' ', '\n', '  ', '\n    ', '\r\n', ' \n\t'), { minLength: 1, maxLength: 6 }),
  escape: fc.boolean(),
  reversed: fc.boolean(),
});

const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('404', '0', '4XX', 'default', '$ref', '__proto__', 'a/b', 'é', '10', '1e3'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 })),
})).value;

test('every node of random JSON in random layouts has the offset and key order yaml gives it', () => {
  fc.assert(fc.property(json, layout, (value, how) => {
    const text = write(value, how);
    const doc = parseDocument(text, { prettyErrors: false });
    // yaml refuses some JSON (a tab where it expects indentation): the JSON reading is then the better one.
    fc.pre(doc.errors.length === 0 && doc.contents !== null);
    const file = jsonFile('x.json', text);
    sameNodes(file, doc.contents as Node, file.json!, '', false);
  }), { numRuns: 400 });
});

test('JSON with a duplicate key is read by yaml, which reports it', () => {
  const text = '{"paths": {}, "paths": {"/a": {}}}';
  assert.equal(parseJson(text), undefined);
  assert.ok(docFile('x.json', text).doc?.errors.length);
  assert.ok(parseJson('{"paths": {}, "x": {"paths": 1}}'));
  // A key is looked up in a mapping only: an array has no `length` member, as in yaml's reading.
  const arrays = docFile('x.json', '{"a": [1, 2], "__proto__": {"b": 1}}');
  const a = childOf(arrays, arrays.json!, 'a')!;
  assert.equal(childOf(arrays, a, 'length'), undefined);
  assert.equal(childOf(arrays, a, '0'), undefined);
  assert.equal(scalarValue(itemsOf(arrays, a)[1]), 2);
  assert.equal(scalarValue(childOf(arrays, childOf(arrays, arrays.json!, '__proto__')!, 'b')), 1);
  // Not JSON at all, or JSON past the YAML value estimate: the estimate binds YAML only.
  assert.ok('problem' in readyText(`a: [${'1,'.repeat(600_000)}1]`));
  assert.ok(!('problem' in readyText(`[${'1,'.repeat(600_000)}1]`)));
  // Brackets 1,000 deep are read; 1,001 are refused, as any text past the nesting bound is.
  assert.ok(!('problem' in readyText(`${'['.repeat(1000)}${']'.repeat(1000)}`)));
  const deep = readyText(`${'['.repeat(1001)}${']'.repeat(1001)}`);
  assert.ok('problem' in deep && /nesting deeper than 1000 levels/.test(deep.problem.message));
});

test('the fixtures\' documents, rewritten as JSON, give the same findings at the same places read either way', () => {
  for (const [fixture, docs] of [['api', ['openapi.yaml', 'responses.yaml']], ['api-drift', ['openapi.yaml', 'responses.yaml']], ['payments', ['openapi.yaml', 'components.yaml']]] as const) {
    const { catalog, codes } = catalogOf(join('tests/fixtures', fixture === 'api-drift' ? 'api' : fixture, 'catalog'));
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'errcat-json-')));
    for (const [i, spaces] of [[0, ['']], [1, ['\n  ', ' ']], [2, ['\r\n\t', '']], [3, [' ']]] as const) {
      const files: Record<string, string> = {};
      for (const name of docs) {
        const text = write(parse(readFileSync(join('tests/fixtures', fixture, name), 'utf8')), { space: [...spaces], escape: i === 2, reversed: i === 3 });
        writeFileSync(join(dir, name), text);
        files[join(dir, name)] = text;
      }
      const [before, after] = bothWays(files, join(dir, 'openapi.yaml'), catalog, codes, yamlFile, jsonFile);
      assert.ok(before.declarations.length > 3, `${fixture} declares codes`);
      assert.deepEqual(after, before, `${fixture}, layout ${i}`);
    }
  }
});

test('random OpenAPI documents give the same findings at the same places read either way', () => {
  fc.assert(fc.property(openapi, layout, fc.constantFrom(...catalogs), (doc, how, { catalog, codes }) => {
    const text = write(doc, how);
    fc.pre(parseDocument(text).errors.length === 0);
    const [before, after] = bothWays({ '/r/openapi.json': text }, '/r/openapi.json', catalog, codes, yamlFile, jsonFile);
    assert.deepEqual(after, before);
  }), { numRuns: 150 });
});

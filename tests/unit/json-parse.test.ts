// parseJsonText gives every key as written, whatever objects the process made before. Node
// 24's JSON.parse (V8) misreads an escaped key after an object with a backslash in the same
// place (src/load/json-parse.ts); the random-JSON property of openapi-json-positions found it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseJsonText } from '../../src/load/json-parse.ts';

/** Keys in the order a JavaScript object lists them, all the way down. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return value;
}

test('an escaped key after an object with a backslash in that place is read as written', () => {
  // What V8 had seen: a key of a backslash and an "n", then one of "a" and a backslash.
  JSON.parse('{"x": 1, "\\\\n": 2}');
  JSON.parse('{"y": 1, "a\\\\": 2}');
  JSON.parse('{"z": 1, "\\\\": 2}');
  assert.deepEqual(Object.keys(parseJsonText('{"x": 1, "\\n": 2}') as object), ['x', '\n']);
  assert.deepEqual(Object.keys(parseJsonText('{"y": 1, "a\\u0062": 2}') as object), ['y', 'ab']);
  assert.deepEqual(Object.keys(parseJsonText('{"z": 1, "\\u00e9": 2}') as object), ['z', 'é']);
  assert.deepEqual(Object.keys(parseJsonText('{"z": 1, "\\/": 2}') as object), ['z', '/']);
  assert.deepEqual(Object.keys(parseJsonText('{"z": 1, "\\"": 2}') as object), ['z', '"']);
  // Values and keys without escapes are untouched; a `__proto__` key stays an own key.
  const plain = parseJsonText('{"a": "\\\\n", "__proto__": {"b": [1, "\\u00e9"]}}') as Record<string, unknown>;
  assert.deepEqual(Object.keys(plain), ['a', '__proto__']);
  assert.equal(plain.a, '\\n');
  assert.deepEqual(Object.getOwnPropertyDescriptor(plain, '__proto__')?.value, { b: [1, 'é'] });
});

test('what JSON.parse refuses is refused the same way', () => {
  for (const text of ['{"a": }', '{"\\x": 1}', '', '[1,]', '{"a" 1}']) {
    assert.throws(() => parseJsonText(text), SyntaxError, text);
  }
});

// Keys of every kind: escapes JSON.stringify writes (quotes, backslashes, control
// characters), ones it does not (é, /, letters as \u escapes), integer-like keys, __proto__.
const key = fc.oneof(
  fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', 'n', '\\', '"', '\n', '\u0001', 'é', '/', 'x') }),
  fc.constantFrom('404', '0', '__proto__', 'é', '\\', '\\n', 'a\\', '', 'x'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 })),
})).value;

/** JSON with some characters of its strings written as \u escapes, or `/` as `\/`. */
function write(value: unknown, escape: (c: string) => boolean): string {
  const char = (c: string) => (!/[a-z/é]/.test(c) || !escape(c) ? JSON.stringify(c).slice(1, -1) : c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const str = (s: string) => `"${[...s].map(char).join('')}"`;
  const go = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(go).join(',')}]`;
    if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${str(k)}:${go(x)}`).join(', ')}}`;
    return typeof v === 'string' ? str(v) : JSON.stringify(v);
  };
  return go(value);
}

test('random JSON with random escapes, parsed one after another in one process, reads as it was written', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(json, fc.func(fc.boolean())), { minLength: 1, maxLength: 8 }), (docs) => {
      for (const [value, escape] of docs) {
        const text = write(value, escape);
        const read = parseJsonText(text);
        assert.deepEqual(keyOrder(read), keyOrder(value), text);
      }
    }),
    { numRuns: 500 },
  );
});

// code_pattern is matched with RE2 (src/model/code-pattern.ts); a plain pattern like
// ^[a-z][a-z0-9_]*$ with JavaScript's RegExp, which must then say what RE2 says of every
// code, and never backtrack long.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { codePattern, isPlainPattern } from '../../src/model/code-pattern.ts';

test('the usual patterns are plain; groups, alternatives, escapes, several repeats, a missing anchor and a `-` that is no range are not', () => {
  for (const p of ['^[a-z][a-z0-9_]*$', '^[A-Z][A-Z0-9_]*$', '^[a-z]+$', '^E[0-9][0-9][0-9]$', '^[a-zA-Z_]?$']) assert.ok(isPlainPattern(p), p);
  for (const p of ['[a-z]+', '^[a-z]+', '^([a-z]+)*$', '^a|b$', '^\\w+$', '^[a-z]*[0-9]*$', '^a?a?a?aaa$', '^.*$', '^[^a-z]+$', '^[a-z-0]+$', '^[a-]$', '^[a-z0-9-]+$', '(?i)^[a-z]+$', '^[a-z]{2,}$'])
    assert.ok(!isPlainPattern(p), p);
});

test('a plain pattern matched by RegExp says what RE2 says, on random patterns and codes', () => {
  const char = fc.constantFrom(...'azAZ09_-', 'b', 'y', 'M');
  const range = fc.constantFrom('a-z', 'A-Z', '0-9', 'b-y', 'Z-a', '0-z');
  const atom = fc.oneof(char, fc.array(fc.oneof(range, fc.constantFrom(...'az09_M')), { minLength: 1, maxLength: 3 }).map((p) => `[${p.join('')}]`));
  const pattern = fc.tuple(fc.array(atom, { minLength: 1, maxLength: 5 }), fc.nat(6), fc.constantFrom('?', '*', '+', ''))
    .map(([atoms, at, q]) => `^${atoms.map((a, i) => (i === at % atoms.length ? a + q : a)).join('')}$`);
  const code = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-zA-Z0-9_-]{0,12}$/), fc.constantFrom('', 'a', 'a\n', 'é', '😀', 'a_b-c', 'ZZ'));
  fc.assert(fc.property(pattern, fc.array(code, { maxLength: 20 }), (p, codes) => {
    assert.ok(isPlainPattern(p), p);
    const matches = codePattern(p, () => assert.fail(`refused ${p}`));
    if (!matches) return;
    const re2 = RE2JS.compile(p);
    for (const c of codes) assert.equal(matches(c), re2.test(c), `${p} on ${JSON.stringify(c)}`);
  }), { numRuns: 2000 });
});

test('a plain pattern stays fast on a long hostile code', () => {
  const matches = codePattern('^[a-z][a-z0-9_]*$', () => assert.fail('refused'))!;
  // Linear: the whole check of this code is one pass (no timing asserted; a backtracking pattern would not end).
  assert.equal(matches(`a${'_'.repeat(200_000)}!`), false);
  assert.equal(matches(`a${'_'.repeat(200_000)}`), true);
});

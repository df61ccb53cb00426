// The registry documents every rule and proves its examples: each rule's failing example
// produces the rule, its passing example does not (and has no error at all). The manual's
// rule pages are generated from the registry (tests/unit/manual.test.ts).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { SEVERITIES, type Diagnostic } from '../../src/load/diagnostics.ts';
import { loadCatalog } from '../../src/load/load.ts';
import { reviewAgainst } from '../../src/review/diff.ts';
import { OUTSIDE_RULES } from '../../src/rules/outside.ts';
import { RULES } from '../../src/rules/index.ts';
import type { RuleExample } from '../../src/rules/rule.ts';
import { materialise } from './helpers.ts';

const NOT_RULES = new Set(['outside.ts', 'index.ts', 'rule.ts', 'context.ts', 'docs.ts', 'example-files.ts', 'config.ts']);

/** What the check (and, for an example with a base, the review) reports on an example. */
function run(example: RuleExample): Diagnostic[] {
  const dir = materialise(example.files, example.fixture);
  const result = checkCatalog(dir);
  if (!example.base) return result.diagnostics;
  const base = loadCatalog(materialise(example.base, example.fixture));
  return reviewAgainst(base, result.loaded, 'base', result.diagnostics).diagnostics;
}

const show = (list: Diagnostic[]) => list.map((d) => `${d.file}:${d.line}:${d.col} ${d.rule} ${d.message}`).join('\n') || '(none)';

test('every file in src/rules/ is a rule in the registry, named after its id', () => {
  const files = readdirSync('src/rules').filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));
  assert.deepEqual(files.sort(), RULES.map((r) => `${r.id}.ts`).sort());
});

test('rule ids are unique kebab-case names, the diagnostics from outside the rule set included', () => {
  const ids = [...RULES, ...OUTSIDE_RULES].map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
});

for (const rule of RULES) {
  test(`${rule.id}: documented`, () => {
    assert.match(rule.description, /^\S.{10,}\.$/, 'description: one sentence');
    assert.doesNotMatch(rule.description, /\n/);
    assert.ok(rule.why.length > 20, 'why');
    assert.ok(rule.fix.length > 10, 'fix');
    assert.ok(SEVERITIES.includes(rule.severity));
    for (const ex of [rule.fail, rule.pass]) assert.ok(Object.keys(ex.files).length > 0, 'examples change at least one file');
    assert.ok('check' in rule || rule.firesIn, 'a rule has a check or says where it fires');
  });

  test(`${rule.id}: the failing example produces it`, () => {
    const found = run(rule.fail);
    assert.ok(found.some((d) => d.rule === rule.id), `expected ${rule.id}, got:\n${show(found)}`);
    assert.ok(found.filter((d) => d.rule === rule.id).every((d) => d.severity === rule.severity && d.hint));
  });

  test(`${rule.id}: the passing example does not, and has no error`, () => {
    const found = run(rule.pass);
    assert.ok(!found.some((d) => d.rule === rule.id), `did not expect ${rule.id}:\n${show(found)}`);
    assert.deepEqual(found.filter((d) => d.severity === 'error'), [], show(found));
  });
}

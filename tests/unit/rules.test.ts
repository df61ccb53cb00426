// Every rule has a passing fixture (tests/fixtures/mini, clean) and a failing one: the
// same catalog with one edit. Each failing case names the rule and where it must point.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { DELETE, mutateFixture, readTree, type Edit } from './helpers.ts';

const T = 'codes/thing_not_found.yaml';
const R = 'codes/rate_limited.yaml';
const C = 'catalog.yaml';

interface Case {
  rule: string;
  edits: Edit[];
  at?: [file: string, line: number, col: number];
  message?: RegExp;
  hint?: RegExp;
}

const cases: Case[] = [
  { rule: 'yaml-syntax', edits: [[T, 'category: not_found', 'category: [not_found']], at: [T, 5, 1] },
  { rule: 'duplicate-key', edits: [[T, 'category: not_found', 'category: not_found\ncategory: limits']], at: [T, 5, 1] },
  { rule: 'unknown-key', edits: [[T, 'summary:', 'sumary:']], at: [T, 5, 1], hint: /did you mean "summary"/ },
  { rule: 'unknown-key', edits: [[R, '    example: "23"', '    exmaple: "23"']], at: [R, 14, 5], hint: /did you mean "example"/ },
  { rule: 'required-field', edits: [[T, /^summary:.*\n/m, '']], message: /"summary"/ },
  { rule: 'recovery-required', edits: [[R, 'recovery: Wait `Retry-After` seconds.', 'recovery: "  "']], at: [R, 7, 11] },
  { rule: 'recovery-required', edits: [[R, /^recovery:.*\n/m, '']], message: /missing required key "recovery"/ },
  { rule: 'status-required', edits: [[T, 'status: 404\n', '']] },
  { rule: 'invalid-value', edits: [[T, 'when: never', 'when: sometimes']], at: [T, 12, 9] },
  { rule: 'code-pattern', edits: [[T, 'code: thing_not_found', 'code: Thing_Not_Found'], [T, /#thing_not_found/g, '#Thing_Not_Found']], at: [T, 2, 7] },
  { rule: 'filename-matches-code', edits: [[T, 'code: thing_not_found', 'code: thing_missing']], at: [T, 2, 7] },
  { rule: 'code-unique', edits: [[R, 'code: rate_limited', 'code: THING_NOT_FOUND']], message: /differs only in case/ },
  { rule: 'anchor-matches-code', edits: [[T, 'status: 404', 'anchor: thing-not-found\nstatus: 404']], at: [T, 3, 9] },
  { rule: 'status-valid', edits: [[T, 'status: 404', 'status: 299']], at: [T, 3, 9] },
  { rule: 'status-valid', edits: [[R, 'status: [429]', 'status: [429, 600]']], at: [R, 3, 15] },
  { rule: 'status-meaning', edits: [[T, 'status: 404', 'status: 410'], [T, '404 Not Found', '410 Gone']], message: /410 has no meaning/ },
  { rule: 'category-known', edits: [[T, 'category: not_found', 'category: notfound']], at: [T, 4, 11], hint: /did you mean "not_found"/ },
  { rule: 'related-resolves', edits: [[T, '  - code: rate_limited', '  - code: rate_limit']], hint: /did you mean "rate_limited"/ },
  { rule: 'reference-resolves', edits: [[T, '(#rate_limited)', '(#rate_limted)']], at: [T, 10, 36], hint: /#rate_limited/ },
  { rule: 'example-json', edits: [[R, '"message": "Slow down.",', '"message": "Slow down.",,']], at: [R, 25, 35] },
  { rule: 'example-envelope', edits: [[R, '"limit": 60,', '"limit": 60, "extra": true,']], message: /error\.extra/ },
  { rule: 'example-envelope', edits: [[R, '"message": "Slow down.",', '']], message: /lacks "error.message"/ },
  { rule: 'example-code-match', edits: [[R, '"code": "rate_limited"', '"code": "thing_not_found"']], message: /documents "rate_limited"/ },
  { rule: 'example-code-match', edits: [[R, 'errors#rate_limited', 'errors#rate-limited']], message: /docs_url/ },
  { rule: 'example-status', edits: [[T, 'HTTP/1.1 404 Not Found', 'HTTP/1.1 400 Bad Request']], at: [T, 16, 16] },
  { rule: 'header-format', edits: [[R, '- name: Retry-After', '- name: Retry After']], at: [R, 12, 11] },
  { rule: 'header-format', edits: [[R, 'example: "23"', 'example: soon']], message: /Retry-After "soon"/ },
  { rule: 'shape-known', edits: [[R, 'shape: slim', 'shape: slimm']], hint: /did you mean "slim"/ },
  { rule: 'raw-html', edits: [[T, 'belongs to another user.', 'belongs to <b>another</b> user.']], at: [T, 7, 43] },
  { rule: 'raw-html', edits: [[R, 'More than 60', '<script>alert(1)</script> More than 60']], at: [R, 6, 7] },
  { rule: 'unsafe-link', edits: [[T, '(#rate_limited)', '(javascript:alert(1))']], message: /javascript:/ },
  { rule: 'unsafe-link', edits: [[C, 'href: https://docs.mini.test/api', 'href: "javascript:alert(1)"']], at: [C, 55, 11] },
  { rule: 'anchor-collision', edits: [[R, 'code: rate_limited', 'code: sdk']], message: /"sdk" equals a code/ },
  { rule: 'schema-comment', edits: [[T, /^# yaml-language-server.*\n/, '']], at: [T, 1, 1] },
  { rule: 'catalog-file', edits: [[C, DELETE, '']], at: [C, 1, 1] },
  { rule: 'category-unique', edits: [[C, '  - id: limits\n    title: Limits', '  - id: limits\n    title: Limits\n  - id: limits\n    title: Limits again']], at: [C, 39, 9] },
  { rule: 'lock-format', edits: [['shipped.yaml', 'category: limits }', 'categorie: limits }']], at: ['shipped.yaml', 4, 15] },
  { rule: 'shipped-category-changed', edits: [[R, 'category: limits', 'category: not_found']], at: [R, 4, 11] },
  { rule: 'shipped-status-changed', edits: [[R, 'status: [429]', 'status: [429, 503]'], [C, '"429": Rate limited.', '"429": Rate limited.\n  "503": Down.']], at: [R, 3, 9] },
  { rule: 'shipped-code-removed', edits: [[R, DELETE, ''], [T, /related:[^]*$/, ''], [T, ' Not the same as [rate_limited](#rate_limited).', '']], at: ['shipped.yaml', 4, 1] },
  { rule: 'no-codes', edits: [[T, DELETE, ''], [R, DELETE, '']], at: [C, 1, 1] },
];

test('the passing fixture is clean', () => {
  const result = checkCatalog('tests/fixtures/mini');
  assert.deepEqual(result.diagnostics, []);
  assert.ok(result.model);
});

for (const c of cases) {
  test(`${c.rule}: ${c.edits.map((e) => String(e[2]).slice(0, 30)).join(' | ')}`, () => {
    const dir = mutateFixture('tests/fixtures/mini', c.edits);
    const before = readTree(dir);
    const result = checkCatalog(dir);
    assert.deepEqual(readTree(dir), before, 'the check must never edit the catalog');
    const hits = result.diagnostics.filter((d) => d.rule === c.rule);
    assert.ok(hits.length > 0, `expected ${c.rule}, got:\n${result.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.rule} ${d.message}`).join('\n')}`);
    if (c.rule !== 'schema-comment') assert.ok(hits.some((d) => d.severity === 'error'));
    assert.equal(result.model, c.rule === 'schema-comment' ? result.model : undefined);
    const hit = hits[0]!;
    assert.ok(hit.hint, 'every diagnostic carries a hint');
    if (c.at) {
      const [file, line, col] = c.at;
      assert.ok(hit.file.endsWith(file), `${hit.file} should be ${file}`);
      assert.deepEqual([hit.line, hit.col], [line, col], `${c.rule} position`);
    }
    if (c.message) assert.match(hit.message, c.message);
    if (c.hint) assert.match(hit.hint!, c.hint);
  });
}

test('every problem is reported in one run, sorted by file, line and column', () => {
  const dir = mutateFixture('tests/fixtures/mini', [
    [R, 'category: limits', 'category: limit'],
    [T, 'when: never', 'when: sometimes'],
    [T, 'summary:', 'sumary:'],
    [C, 'title: Limits', 'titel: Limits'],
  ]);
  const rules = checkCatalog(dir).diagnostics.map((d) => `${d.file.split('/').pop()}:${d.line}:${d.rule}`);
  assert.deepEqual(rules, [
    'catalog.yaml:37:required-field', // the category lost its title...
    'catalog.yaml:38:unknown-key', // ...because it was misspelt
    'rate_limited.yaml:4:shipped-category-changed', // category-known needs a valid catalog.yaml; this rule doesn't
    'thing_not_found.yaml:2:required-field',
    'thing_not_found.yaml:5:unknown-key',
    'thing_not_found.yaml:12:invalid-value',
  ]);
});

// The CLI's edges: explain, formats, --preview-url misuse, a reader that goes away (EPIPE).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../src/rules/index.ts';
import { OUTSIDE_RULES } from '../../src/rules/outside.ts';
import { rulePageUrl } from '../../src/rules/docs.ts';
import { mutateFixture } from './helpers.ts';

function errcat(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/errcat.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('explain prints a rule\'s page: what, why, failing and passing example, fix, online page', () => {
  const r = errcat(['explain', 'category-known'], { CATALOG_DIR: 'tests/fixtures/mini' });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^category-known: A code names a category/);
  for (const heading of ['Why', 'Fails', 'Passes', 'How to fix']) assert.match(r.out, new RegExp(`^${heading}$`, 'm'));
  assert.match(r.out, /category: notfound/);
  assert.ok(r.out.endsWith(`\nOnline: ${rulePageUrl('category-known')}\n`));
});

test('explain --list lists every rule of the registry, and the diagnostics from outside it', () => {
  const r = errcat(['explain', '--list']);
  assert.equal(r.code, 0);
  assert.equal(r.out.trim().split('\n').length, RULES.length + OUTSIDE_RULES.length);
  assert.match(r.out, /^internal-error +error /m);
  assert.match(r.out, /^site-contract +error /m);
});

test('explain internal-error and site-contract: every diagnostic errcat prints can be looked up', () => {
  for (const id of ['internal-error', 'site-contract']) {
    const r = errcat(['explain', id], { CATALOG_DIR: 'tests/fixtures/mini' });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`^${id}: `));
    assert.match(r.out, /not a catalog rule, so no catalog can configure it/);
    assert.match(r.out, /\nWhy\n[^]*\nHow to fix\n/);
    assert.doesNotMatch(r.out, /\nFails\n/, 'no catalog can show it failing');
    assert.ok(r.out.endsWith(`\nOnline: ${rulePageUrl(id)}\n`));
  }
});

test('explain of an unknown rule exits 2 with "did you mean"', () => {
  const r = errcat(['explain', 'category-know']);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown rule "category-know"; did you mean "category-known"\?/);
  assert.equal(r.out, '');
});

test('--preview-url that is not an http(s) URL is misuse (exit 2), not a crash', () => {
  for (const url of ['not a url', 'javascript:alert(1)']) {
    const r = errcat(['check', 'tests/fixtures/mini', '--preview-url', url]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /--preview-url/);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  }
  assert.equal(errcat(['check', 'tests/fixtures/mini', '--preview-url', 'https://pr-1.preview.example']).code, 0);
});

test('every format is accepted; markdown works without --base', () => {
  for (const format of ['text', 'json', 'github', 'markdown', 'sarif']) {
    const r = errcat(['check', 'tests/fixtures/mini', '--format', format]);
    assert.equal(r.code, 0, `${format}: ${r.err}`);
  }
});

test('a catalog may turn a warning off (rules:), not a stability rule', () => {
  const dir = mutateFixture('tests/fixtures/mini', [
    ['codes/thing_not_found.yaml', /^# yaml-language-server.*\n/, ''],
    ['catalog.yaml', 'where_next:', 'rules:\n  schema-comment: off\n  shipped-code-removed: off\nwhere_next:'],
  ]);
  const r = errcat(['check', dir, '--format', 'json']);
  const rules = JSON.parse(r.out).diagnostics.map((d: { rule: string; message: string }) => `${d.rule}: ${d.message}`);
  assert.deepEqual(rules, ['rules-config: rule "shipped-code-removed" cannot be set to off: it always applies as error']);
});

test('errcat check | head -1: the reader leaving is no error', async () => {
  // Enough output to fill the pipe: many broken codes.
  const dir = mutateFixture('tests/fixtures/mini', []);
  for (let i = 0; i < 400; i++) writeFileSync(join(dir, 'codes', `c${i}.yaml`), `code: c${i}\nstatus: 404\ncategory: nope\n`);
  const child = spawn(process.execPath, ['bin/errcat.js', 'check', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b) => (err += b));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy(); // like `head -1` exiting after its line
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(err, '');
  assert.equal(code, 1, 'exit status as decided by the check');
});

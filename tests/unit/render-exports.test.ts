import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCatalog } from '../../src/check/check.ts';
import { errorsDts, errorsJson, llmsFullTxt, llmsTxt } from '../../src/render/exports.ts';

const amy = checkCatalog('catalog').model!;
const hostile = checkCatalog('tests/fixtures/hostile').model!;

test('errors.json: every code with status, category, summary, docs_url, structured retry advice', () => {
  const j = errorsJson(amy);
  assert.equal(j.codes.length, amy.codes.length);
  for (const c of amy.codes) {
    const e = j.codes.find((x) => x.code === c.code)!;
    assert.deepEqual(([] as number[]).concat(e.status), c.statuses);
    assert.equal(e.category, c.category);
    assert.equal(e.summary, c.summary);
    assert.equal(e.docs_url, `https://docs.amy.health/concepts/errors#${c.code}`);
    assert.equal(e.retry.when, c.retry.when);
    // The same shape for every code: no boolean/string mix.
    assert.deepEqual(Object.keys(e.retry), ['when', 'strategy', 'jitter', 'max_attempts', 'honour_retry_after']);
    assert.equal(typeof e.retry.jitter, 'boolean');
    assert.equal(typeof e.retry.honour_retry_after, 'boolean');
  }
  assert.deepEqual(j.codes.find((x) => x.code === 'upstream_unavailable')!.status, [502, 503, 504]);
});

test('errors.d.ts: union of codes and a code → status map', () => {
  const d = errorsDts(amy);
  assert.match(d, /export type AmyErrorCode =/);
  for (const c of amy.codes) {
    assert.ok(d.includes(`| "${c.code}"`), c.code);
    assert.ok(d.includes(`"${c.code}": ${c.statuses.join(' | ')};`), c.code);
  }
  assert.match(d, /"upstream_unavailable": 502 \| 503 \| 504;/);
});

test('errors.d.ts stays valid TypeScript with hostile text (no comment breakout)', () => {
  const d = errorsDts(hostile);
  for (const line of d.split('\n').filter((l) => l.includes('/**'))) assert.ok(!/\*\/.*\*\//.test(line), line);
});

test('llms.txt lists every code with its docs_url; llms-full.txt has the details', () => {
  const t = llmsTxt(amy);
  const full = llmsFullTxt(amy);
  assert.match(t, /^# Amy API: Errors/);
  for (const c of amy.codes) {
    assert.ok(t.includes(`[${c.code}](${c.docsUrl})`), c.code);
    assert.ok(full.includes(`### ${c.code}`), c.code);
  }
  assert.match(full, /How to recover:/);
});

test('errors.d.ts type-checks with tsc, and its types reject what the catalog rules out', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'dts-'));
  writeFileSync(join(dir, 'errors.d.ts'), errorsDts(amy));
  const check = (body: string) => {
    writeFileSync(join(dir, 'use.ts'), `import type { AmyErrorCode, AmyErrorStatus } from './errors.js';\n${body}\n`);
    // Run in the temporary directory: no project tsconfig, just the export and its user.
    const tsc = join(process.cwd(), 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', 'use.ts'], { cwd: dir, encoding: 'utf8' });
    return r.status === 0 ? '' : r.stdout + r.stderr;
  };
  assert.equal(check(`const c: AmyErrorCode = 'turn_not_found';\nconst s: AmyErrorStatus['upstream_unavailable'] = 504;\nvoid c; void s;`), '');
  assert.match(check(`const c: AmyErrorCode = 'turn_not_fonud';\nvoid c;`), /turn_not_fonud/);
  assert.match(check(`const s: AmyErrorStatus['turn_not_found'] = 500;\nvoid s;`), /500/);
});

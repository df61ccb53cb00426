// The OpenAPI side of a review: on a git repository holding the fixture API, a branch
// that drifts its OpenAPI document is reviewed against main operation by operation.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

test('check --base lists the codes the OpenAPI document declares anew, and no longer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-oa-git-'));
  cpSync('tests/fixtures/api', dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-q', '-b', 'drift');
  for (const f of ['openapi.yaml', 'responses.yaml']) cpSync(join('tests/fixtures/api-drift', f), join(dir, f));
  git('commit', '-qam', 'drift');
  const run = (...args: string[]) => spawnSync(process.execPath, [resolve('bin/errcat.js'), 'check', 'catalog', '--base', 'main', ...args], { cwd: dir, encoding: 'utf8' });
  const text = run();
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /OpenAPI openapi\.yaml against main:\n {2}\+ GET \/orders\/\{id\} 404 order_cancelled\n {2}\+ POST \/orders 409 invalid_quantity\n {2}\+ POST \/orders 422 out_of_stock\n {2}- GET \/orders\/\{id\} 429 rate_limited\n {2}- POST \/orders 429 rate_limited\n/);
  const json = JSON.parse(run('--format', 'json').stdout);
  assert.deepEqual(json.openapi.added, ['GET /orders/{id} 404 order_cancelled', 'POST /orders 409 invalid_quantity', 'POST /orders 422 out_of_stock']);
  // Against itself, nothing changed.
  const same = spawnSync(process.execPath, [resolve('bin/errcat.js'), 'check', 'catalog', '--base', 'drift'], { cwd: dir, encoding: 'utf8' });
  assert.match(same.stdout, /OpenAPI openapi\.yaml: the same codes as at drift/);
});

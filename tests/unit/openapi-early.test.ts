// `check --openapi <doc>` starts reading the document in its worker before the catalog is
// checked (startOpenapiRead), and the check takes that read over. The findings must be the
// ones of a read started when the check asks, and a read nobody takes must neither hold
// the process open nor outlive the check. Each run is a child process with a timeout, so a
// hang fails the test instead of blocking it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { mutateFixture } from './helpers.ts';

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.signal, null, `killed (${r.signal}): ${args.join(' ')} did not finish`);
  return r;
};

test('the same findings whether the document is read early (--openapi) or when the check asks (the catalog\'s `openapi`)', () => {
  // A clean API, and one whose document drifted from its catalog in 30 ways.
  for (const [fixture, findings] of [['tests/fixtures/api', /catalog clean/], ['tests/fixtures/payments', /openapi-response/]] as const) {
    const dir = mutateFixture(fixture, []);
    const late = run(['src/cli/main.ts', 'check', join(dir, 'catalog')]);
    const early = run(['src/cli/main.ts', 'check', join(dir, 'catalog'), '--openapi', join(dir, 'openapi.yaml')]);
    assert.match(late.stdout, findings, fixture);
    assert.equal(early.stdout, late.stdout, fixture);
    assert.equal(early.status, late.status);
    assert.equal(early.stderr, '');
  }
});

test('a catalog that cannot be read: the read started early is dropped, the check ends with the catalog\'s error', () => {
  const dir = mutateFixture('tests/fixtures/api', [['catalog/catalog.yaml', 'api: Orders', 'api: [Orders']]);
  const r = run(['src/cli/main.ts', 'check', join(dir, 'catalog'), '--openapi', join(dir, 'openapi.yaml')]);
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stdout, /openapi-/);
  assert.equal(r.stderr, '');
});

test('a read started and never taken does not keep the process alive; a different bound is not taken over', () => {
  const dir = mutateFixture('tests/fixtures/api', []);
  const doc = join(dir, 'openapi.yaml');
  const script = join(dir, 'early.ts');
  writeFileSync(script, [
    `import { startOpenapiRead, openapiDiagnostics, openapiTarget } from ${JSON.stringify(resolve('src/bridges/openapi.ts'))};`,
    `startOpenapiRead(${JSON.stringify(doc)});`,
    // Another size bound: another read, which finds what the document holds.
    `const found = openapiDiagnostics(openapiTarget('.', undefined, ${JSON.stringify(doc)}), { api: 'A', title: 'E', envelope: { code_field: 'code' } }, { path: 'c', text: '' }, [], false, 3);`,
    'console.log(found.some((d) => d.rule === "openapi-unknown-code"));',
    `startOpenapiRead(${JSON.stringify(doc)}, 4);`,
  ].join('\n'));
  const r = run([script]);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim(), 'true');
  assert.equal(r.status, 0);
});

// The programmatic API as a user's tool reaches it: `import ... from 'starlight-error-catalog'`,
// resolved through package.json's exports to the compiled lib/ (by self-reference from a
// module inside the package), with its .d.ts types. Built into a copy, so lib/ of the
// working tree is neither needed nor replaced under a concurrent test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { checkCatalog, RULES, ruleById } from '../../src/index.ts';
import { mutateFixture } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'errcat-api-'));
const pkg = join(tmp, 'package');
const broken = mutateFixture('tests/fixtures/mini', [['codes/rate_limited.yaml', 'status: [429]', 'status: [429']]);

function run(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(r.status, 0, `node ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

before(() => {
  for (const entry of ['package.json', 'tsconfig.json', 'tsconfig.package.json', 'src', 'scripts', 'schema']) {
    cpSync(entry, join(pkg, entry), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(pkg, 'node_modules'), 'dir');
  run(['scripts/build-package.ts'], pkg);
});

after(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(broken, { recursive: true, force: true });
});

/** What the package's checkCatalog says of each catalog, as JSON. */
const summary = `
  const out = process.argv.slice(2).map((dir) => {
    const r = checkCatalog(dir);
    return { diagnostics: r.diagnostics, codes: r.model?.codes.map((c) => c.code), rules: RULES.length, byId: ruleById('yaml-syntax')?.severity };
  });
  console.log(JSON.stringify(out));
`;

test('checkCatalog, imported by the package name from lib/, checks a catalog as the sources do', () => {
  writeFileSync(join(pkg, 'user.mjs'), `import { checkCatalog, RULES, ruleById } from 'starlight-error-catalog';\n${summary}`);
  const dirs = ['tests/fixtures/mini', broken];
  // Run from the repository, so diagnostics' paths read as they do in this process.
  const got = JSON.parse(run([join(pkg, 'user.mjs'), ...dirs], process.cwd())) as { diagnostics: { rule: string }[]; codes?: string[] }[];
  const want = dirs.map((dir) => {
    const r = checkCatalog(dir);
    return { diagnostics: r.diagnostics, codes: r.model?.codes.map((c) => c.code), rules: RULES.length, byId: ruleById('yaml-syntax')?.severity };
  });
  assert.deepEqual(got, JSON.parse(JSON.stringify(want)));
  assert.deepEqual(got[0]!.codes, ['thing_not_found', 'rate_limited']);
  assert.deepEqual(got[1]!.diagnostics.map((d) => d.rule), ['yaml-syntax']);
});

test('loadCatalog, the model types and rule ids come with the package types', () => {
  writeFileSync(join(pkg, 'user.ts'), `import { checkCatalog, loadCatalog, type CatalogModel, type Diagnostic, type LoadedCatalog } from 'starlight-error-catalog';
const loaded: LoadedCatalog = loadCatalog('tests/fixtures/mini');
const model: CatalogModel | undefined = checkCatalog(loaded.dir).model;
const codes: string[] = model?.codes.map((c) => c.code) ?? [];
const rule: Diagnostic['rule'] = 'yaml-syntax';
// @ts-expect-error: a diagnostic names a rule of the registry
const unknown: Diagnostic['rule'] = 'no-such-rule';
export { codes, rule, unknown };
`);
  writeFileSync(join(pkg, 'tsconfig.user.json'), JSON.stringify({
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: ['node'] },
    files: ['user.ts'],
  }));
  run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.user.json'], pkg);
});

// `sources:` globs written by a hostile pull request: however a glob spells its way out
// of the repository (`..` after a wildcard, in braces, as a class, escaped, an absolute
// path in braces), through a symlink, or onto a FIFO, nothing outside is read or printed
// and the check ends with a diagnostic at the glob.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanSources } from '../../src/bridges/sources.ts';
import type { CatalogFile } from '../../src/model/schema.ts';
import { mutateFixture } from './helpers.ts';

const SECRET = 'secret_outside_token';

/** <tmp>/outside/secret.ts beside <tmp>/repo/{catalog/codes,server/a,links}. */
function tree() {
  const top = mkdtempSync(join(tmpdir(), 'errcat-srcconf-'));
  const outside = join(top, 'outside');
  const repo = join(top, 'repo');
  for (const d of [outside, join(repo, 'catalog/codes'), join(repo, 'server/a'), join(repo, 'links')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(outside, 'secret.ts'), `new ApiError('${SECRET}')\n`);
  writeFileSync(join(top, 'secret.ts'), `new ApiError('${SECRET}')\n`);
  symlinkSync(join(outside, 'secret.ts'), join(repo, 'links/file.ts'));
  symlinkSync(outside, join(repo, 'links/dir'));
  symlinkSync('/etc/passwd', join(repo, 'links/passwd.ts'));
  return { top, outside, catalog: join(repo, 'catalog') };
}

const scan = (catalogDir: string, glob: string) =>
  scanSources(catalogDir, { sources: [{ include: [glob], pattern: '([a-z_]+)' }] } as unknown as CatalogFile);

const { outside, catalog } = tree();

/** Globs (relative to repo/catalog) whose only matches lie outside the repository. */
const CLIMBING = [
  '../../outside/*.ts', '../../*.ts', 'codes/../../../outside/*', '../*/../../outside/*.ts', '*/../../../outside/*.ts',
  '{../..,x}/outside/*.ts', '?odes/../../../outside/*', '[c]odes/../../../outside/*', 'code?/../../../outside/*',
  '**/../../../outside/*', 'codes/*/../../../../outside/*', '[.][.]/[.][.]/outside/*', '\\.\\./\\.\\./outside/*',
  '..\\/..\\/outside/*', 'codes/.\\./.\\./.\\./outside/*', '*/\\.\\./\\.\\./\\.\\./outside/*', '.[.]/.[.]/outside/*', '{,../../}outside/*', 'codes/{../../../outside,}/*', '{..,x}/{..,y}/outside/*',
  '{x,{..,y}/..}/outside/*', '@(../..|x)/outside/*', '+(..)/+(..)/outside/*', '!(x)/../../../outside/*', '*/{..,.}/../../outside/*',
  '{/etc/passwd,x}', '{/etc,x}/pass*', '/etc/passwd', '/proc/self/environ', '{/proc/self/environ,x}',
  '../../../../../../../../../proc/self/environ', '{../../../../../../../../../proc/self/environ,x}', '{C:,x}/*',
  `${outside}/secret.ts`, `{${outside}/secret.ts,x}`, `{x,${outside}}/*.ts`,
];

test('a glob that climbs out of the repository anywhere is refused at its place, nothing read', () => {
  for (const glob of CLIMBING) {
    const r = scan(catalog, glob);
    assert.equal(r.filesRead, 0, glob);
    assert.deepEqual([...r.emitted], [], glob);
    assert.deepEqual(r.problems.map((p) => [p.path, p.severity]), [[['sources', 0, 'include', 0], 'error']], glob);
    assert.ok(r.problems[0]!.message.startsWith(`glob "${glob}" reaches outside `), r.problems[0]!.message);
  }
});

test('symlinks inside the repository that lead out are matched but never read', () => {
  for (const glob of ['../links/*', '../links/**/*', '../links/file.ts', '../links/passwd.ts', '../links/dir/*.ts', '../links/d?r/*', '../links/{dir,x}/*']) {
    const r = scan(catalog, glob);
    assert.equal(r.filesRead, 0, glob);
    assert.deepEqual([...r.emitted], [], glob);
    assert.ok(r.problems.length === 1 && r.problems[0]!.severity === 'warning', `${glob}: ${JSON.stringify(r.problems)}`);
  }
});

test('plain globs inside the repository still read their files, with `..` before the wildcard', () => {
  writeFileSync(join(catalog, '../server/a/ok.ts'), "new ApiError('inside_code')\n");
  for (const glob of ['../server/**/*.ts', '../server/a/*.ts', '../server/{a,b}/*.ts', '../server/[a]/ok.ts', '../catalog/../server/a/ok.ts', '../server/@(a)/*.ts']) {
    const r = scan(catalog, glob);
    assert.ok(r.emitted.has('inside_code'), glob);
    assert.deepEqual(r.problems, [], glob);
  }
});

test('the check with hostile globs, symlinks out and a FIFO ends, exit 1, with no byte from outside in any format', () => {
  const dir = mutateFixture('tests/fixtures/api', [
    ['catalog/catalog.yaml', "  - include: ['../server/ts/**/*.ts']", `  - include: ['../server/ts/**/*.ts', '{../..,x}/*/secret.ts', '*/../../../*/secret.ts', '{/proc/self/environ,x}', '../server/fifo/*', '../server/links/*']`],
  ]);
  const secretDir = mkdtempSync(join(tmpdir(), 'errcat-srcconf-secret-'));
  writeFileSync(join(secretDir, 'secret.ts'), `new ApiError('${SECRET}')\n`);
  // The fixture copy lies in tmpdir, so `{../..,x}/*/secret.ts` from its catalog reaches the secret directory.
  mkdirSync(join(dir, 'server/fifo'));
  execFileSync('mkfifo', [join(dir, 'server/fifo/pipe.ts')]);
  mkdirSync(join(dir, 'server/links'));
  symlinkSync(join(secretDir, 'secret.ts'), join(dir, 'server/links/secret.ts'));
  for (const format of ['text', 'json', 'markdown']) {
    // A child process with a timeout: a FIFO opened for reading would block this one for ever.
    const r = spawnSync(process.execPath, ['bin/errcat.js', 'check', join(dir, 'catalog'), '--format', format], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ERRCAT_PROBE: SECRET } });
    assert.equal(r.signal, null, 'the check did not finish');
    assert.equal(r.status, 1, r.stderr);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), `${format}: the secret reached the output`);
    if (format === 'text') {
      assert.match(r.stdout, /source-settings +glob "\{\.\.\/\.\.,x\}\/\*\/secret\.ts" reaches outside/);
      assert.match(r.stdout, /source-settings +glob "\*\/\.\.\/\.\.\/\.\.\/\*\/secret\.ts" reaches outside/);
      assert.match(r.stdout, /source-settings +glob "\{\/proc\/self\/environ,x\}" reaches outside/);
      assert.match(r.stdout, /source-settings +glob "\.\.\/server\/fifo\/\*": 1 file not read/);
      assert.match(r.stdout, /source-settings +glob "\.\.\/server\/links\/\*": 1 file not read/);
    }
  }
});

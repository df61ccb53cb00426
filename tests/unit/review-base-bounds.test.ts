// The base revision of a review is read within the working tree's bounds: it comes from the
// same untrusted history (a fork can push any commit and open a pull request against it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LIMITS } from '../../src/load/limits.ts';
import { loadCatalogAt } from '../../src/review/git.ts';
import { errcat, repo } from '../helpers/git-repo.ts';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });

/** A repository whose `main` commit adds the files `add` writes, then goes back to a clean branch. */
function baseWith(add: (codes: string) => void): string {
  const dir = repo();
  add(join(dir, 'catalog', 'codes'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'hostile base');
  return dir;
}

test('a base file larger than the file limit is refused by its size in the tree, never read', () => {
  const dir = baseWith((codes) => writeFileSync(join(codes, 'huge_code.yaml'), `code: huge_code\nsummary: "${'x'.repeat(LIMITS.fileBytes)}"\n`));
  const base = loadCatalogAt('main', join(dir, 'catalog'));
  const d = base.diagnostics.find((x) => x.file.endsWith('huge_code.yaml'));
  assert.equal(d?.rule, 'limit-exceeded', JSON.stringify(base.diagnostics));
  assert.match(d!.message, /larger than 262144 bytes/);
  assert.ok(!base.codes.some((c) => c.path.endsWith('huge_code.yaml')));
});

test('a symlink committed in the base is refused by name; its target never reaches the output', () => {
  const dir = baseWith((codes) => symlinkSync('/etc/passwd', join(codes, 'passwd_code.yaml')));
  const base = loadCatalogAt('main', join(dir, 'catalog'));
  const d = base.diagnostics.find((x) => x.file.endsWith('passwd_code.yaml'));
  assert.equal(d?.rule, 'unsafe-file', JSON.stringify(base.diagnostics));
  assert.doesNotMatch(JSON.stringify(base), /etc\/passwd|root:/);
  // The review against that base says nothing of the link's target either.
  const r = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'json');
  assert.doesNotMatch(r.out, /etc\/passwd|root:x/);
});

test('file names are read exactly, whatever their characters (git would quote them without -z)', () => {
  const dir = baseWith((codes) => writeFileSync(join(codes, 'ünïcode "quoted".yaml'), 'code: x\n'));
  const base = loadCatalogAt('main', join(dir, 'catalog'));
  assert.ok(base.codes.some((c) => c.path.endsWith('ünïcode "quoted".yaml')), base.codes.map((c) => c.path).join(', '));
});

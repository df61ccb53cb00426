// `npm run build -- --out X` replaces X whole, so X must be absent, empty or a previous
// build; never the repository, the working directory, the catalog or a directory holding
// one. A refusal says why, exits 2 and touches nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { BUILD_MARKER, refuseContents, refusePlace } from '../../src/build/target.ts';

const work = mkdtempSync(join(tmpdir(), 'build-target-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A project directory: a catalog, a hand-written docs/ and an uncommitted note. */
function project(): string {
  const dir = mkdtempSync(join(work, 'project-'));
  cpSync('tests/fixtures/mini', join(dir, 'catalog'), { recursive: true });
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'guide.md'), '# Written by hand\n');
  writeFileSync(join(dir, 'notes.txt'), 'not committed yet\n');
  return dir;
}

/** Every file below `dir`, for "nothing was touched". */
const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

function build(cwd: string, out: string) {
  const r = spawnSync(process.execPath, [resolve('scripts/build.ts'), '--catalog', 'catalog', '--out', out], { cwd, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, err: r.stderr };
}

for (const [out, reason] of [
  ['.', 'it is the working directory'],
  ['docs', 'it is not empty and not a site this build made'],
  ['catalog', 'it is the catalog'],
  ['catalog/codes', 'it is inside the catalog'],
] as const) {
  test(`build --out ${out}: refused, exit 2, nothing touched`, () => {
    const dir = project();
    const before = tree(dir);
    const r = build(dir, out);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, new RegExp(`^build: refusing --out ${join(dir, out).replace(/\/\.$/, '')}: ${reason}.*; nothing was touched\\.\\n  hint: `));
    assert.deepEqual(tree(dir), before);
  });
}

test('refusePlace: the repository, its ancestors and anything holding the catalog, also through a symbolic link', () => {
  const repo = resolve('.');
  const keep = [{ path: repo, what: 'the repository' }, { path: join(work, 'cat'), what: 'the catalog', noneInside: true }];
  assert.equal(refusePlace(repo, keep), 'it is the repository');
  assert.match(refusePlace(join(repo, '..'), keep)!, /^it contains the repository/);
  assert.match(refusePlace('/', keep)!, /^it contains the repository/);
  assert.match(refusePlace(work, keep)!, /^it contains the catalog/);
  assert.match(refusePlace(join(work, 'cat', 'site'), keep)!, /^it is inside the catalog/);
  symlinkSync(repo, join(work, 'link-to-repo'));
  assert.equal(refusePlace(join(work, 'link-to-repo'), keep), 'it is the repository');
  assert.equal(refusePlace(join(repo, 'dist'), keep), undefined);
  assert.equal(refusePlace(join(work, 'cat-site'), keep), undefined, 'a sibling whose name starts the same is not inside');
});

test('refuseContents: absent, empty, marked or an older Astro build may be replaced; anything else may not', () => {
  const dir = mkdtempSync(join(work, 'contents-'));
  const at = (name: string, files: string[] = []) => {
    mkdirSync(join(dir, name));
    for (const f of files) {
      if (f.endsWith('/')) mkdirSync(join(dir, name, f));
      else writeFileSync(join(dir, name, f), '');
    }
    return join(dir, name);
  };
  assert.equal(refuseContents(join(dir, 'absent')), undefined);
  assert.equal(refuseContents(at('empty')), undefined);
  assert.equal(refuseContents(at('marked', [BUILD_MARKER, 'index.html'])), undefined);
  assert.equal(refuseContents(at('older-build', ['index.html', '_astro/', '404.html'])), undefined);
  assert.match(refuseContents(at('hand-written', ['index.html', 'guide.md']))!, /^it is not empty and not a site this build made/);
  writeFileSync(join(dir, 'file'), '');
  assert.equal(refuseContents(join(dir, 'file')), 'it is not a directory');
  symlinkSync(join(dir, 'empty'), join(dir, 'link'));
  assert.match(refuseContents(join(dir, 'link'))!, /^it is a symbolic link/);
});

test('a build marks its site, so the next build may replace it', { timeout: 300_000 }, () => {
  const dir = project();
  const r = build(dir, 'site');
  assert.equal(r.code, 0, r.err);
  assert.ok(tree(join(dir, 'site')).includes(BUILD_MARKER));
  assert.equal(refuseContents(join(dir, 'site')), undefined);
});

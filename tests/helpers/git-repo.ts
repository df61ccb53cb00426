// Real temporary git repositories holding a catalog: a `main` commit, then one branch per
// change under review, and errcat run in them as a user would.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ERRCAT = resolve('bin/errcat.js');

function git(dir: string, ...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
}

/** A repository whose `main` holds a copy of `fixture` as `catalog/`. */
export function repo(fixture = 'tests/fixtures/mini'): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-git-'));
  cpSync(fixture, join(dir, 'catalog'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  return dir;
}

/** Commit `change` on a new branch from main, and leave it checked out. */
export function branch(dir: string, name: string, change: () => void): void {
  git(dir, 'checkout', '-q', '-b', name, 'main');
  change();
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', name);
}

export function errcat(dir: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [ERRCAT, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** Replace `find` in a catalog file (relative to catalog/), failing if it is not there. */
export function edit(dir: string, file: string, find: string, replace: string): void {
  const p = join(dir, 'catalog', file);
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(find), `${find} in ${file}`);
  writeFileSync(p, text.replace(find, replace));
}

export function write(dir: string, file: string, text: string): void {
  writeFileSync(join(dir, 'catalog', file), text);
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, 'catalog', file), 'utf8');
}

export function remove(dir: string, file: string): void {
  rmSync(join(dir, 'catalog', file));
}

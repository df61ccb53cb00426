// Whether `check --cache` may use a cache file at all. A stored report is printed as the
// check's own, so a cache file the checked repository could have supplied is never read
// or written: one inside the checkout that git tracks (a pull request can commit a forged
// "catalog clean"), or one reached through a symbolic link inside the checkout (a
// committed link would point the write anywhere). Outside a checkout the cache directory
// and file themselves must not be links. In CI (the CI variable set, as every CI service
// does), where checkouts come from pull requests, no cache is used at all unless
// ERRCAT_CACHE_IN_CI=1 says the location is the runner's own.
import { lstatSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export const CACHE_IN_CI = 'ERRCAT_CACHE_IN_CI';

// Shared by the two bundles one run loads (replay.mjs, then errcat.mjs on a miss), and by
// the two files of a run (cache.ts, cache-records.ts), so git is asked once per directory.
const DECIDED = Symbol.for('errcat.cache-trust');
const shared = globalThis as { [DECIDED]?: Map<string, boolean> };
const decided = (shared[DECIDED] ??= new Map<string, boolean>());

/** Whether the cache file at `file` (an absolute path) may be read and written. */
export function cacheTrusted(file: string): boolean {
  let trusted = decided.get(file);
  if (trusted === undefined) decided.set(file, (trusted = !inCi() && safePlace(file)));
  return trusted;
}

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && !['', '0', 'false'].includes(ci.toLowerCase()) && process.env[CACHE_IN_CI] !== '1';
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false; // not there (yet): nothing to follow
  }
}

/** The nearest directory at or above `dir` that holds a `.git` (a work tree's top), if any. */
function checkoutOf(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    try {
      lstatSync(join(d, '.git'));
      return d;
    } catch {
      if (dirname(d) === d) return undefined;
    }
  }
}

function safePlace(file: string): boolean {
  const dir = dirname(file);
  const top = checkoutOf(dir);
  if (!top) return !isLink(dir) && !isLink(file);
  // Every step from the checkout's top down to the file, the file itself included.
  const steps = relative(top, file).split(sep);
  for (let i = 1; i <= steps.length; i++) if (isLink(join(top, ...steps.slice(0, i)))) return false;
  // Anything git tracks in the cache directory came with the checkout. No answer from git is no trust.
  let untracked = decided.get(`git\0${dir}`);
  if (untracked === undefined) {
    // child_process is loaded only here, as elsewhere (src/review/git.ts): most runs never ask git.
    const git = process.getBuiltinModule('node:child_process').spawnSync('git', ['ls-files', '-z', '--', relative(top, dir) || '.'], { cwd: top, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    decided.set(`git\0${dir}`, (untracked = git.status === 0 && git.stdout === ''));
  }
  return untracked;
}

// Where a build may put its site. The swap (swap.ts) replaces the target directory whole,
// so the target must be something a build made: absent, empty, or a previous build. A
// previous build is known by the marker file every build writes into its site; a site
// built before the marker existed is taken for one when it looks like an Astro build
// (index.html and _astro/ at its top). The repository, the working directory and the
// catalog, and every directory that contains one of them, are never a target.
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const BUILD_MARKER = '.errcat-site';
export const BUILD_MARKER_TEXT = 'A site built by scripts/build.ts: the next build replaces this directory whole.\n';

/** The path with symbolic links resolved as far as it exists (a missing tail is kept as written). */
function real(path: string): string {
  const p = resolve(path);
  try {
    return realpathSync(p);
  } catch {
    const parent = dirname(p);
    return parent === p ? p : join(real(parent), basename(p));
  }
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

export interface Protected {
  path: string;
  /** What it is, for the message: "the repository", "the catalog". */
  what: string;
  /** A site inside it is refused too (the catalog: a build must not write among its files). */
  noneInside?: boolean;
}

/** Why a build must not replace `out`, or undefined when it may (as far as its place goes). */
export function refusePlace(out: string, keep: Protected[]): string | undefined {
  const target = real(out);
  for (const { path, what, noneInside } of keep) {
    const p = real(path);
    if (within(p, target)) return target === p ? `it is ${what}` : `it contains ${what} (${p})`;
    if (noneInside && within(target, p)) return `it is inside ${what} (${p})`;
  }
  return undefined;
}

/** Why a build must not replace what is at `out` now, or undefined when it may. */
export function refuseContents(out: string): string | undefined {
  let names: string[];
  try {
    const s = lstatSync(out);
    if (s.isSymbolicLink()) return 'it is a symbolic link (give the directory itself)';
    if (!s.isDirectory()) return 'it is not a directory';
    names = readdirSync(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : `it cannot be read (${code})`;
  }
  if (names.length === 0 || names.includes(BUILD_MARKER)) return undefined;
  if (names.includes('index.html') && names.includes('_astro')) return undefined; // built before the marker
  return `it is not empty and not a site this build made (no ${BUILD_MARKER} in it)`;
}

// `sources:` globs are hostile settings. A glob may start with plain `../` segments (the
// server beside the catalog), resolved and confined to the repository root; below its
// first wildcard it must not climb (`..`, also spelled `[.][.]`, `\.\.`, inside braces or
// extglobs) nor name an absolute path (`{/etc/passwd,x}`): such a glob is refused whole.
// Whatever the glob, every match is read only if its real path (symlinks resolved) lies
// under the root, and only if it is a regular file: a FIFO is never opened for blocking.
import { closeSync, constants, fstatSync, globSync, openSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { insideRoot } from '../load/confined.ts';

/** Characters that make a segment a pattern rather than a name (a backslash escapes). */
const MAGIC = /[*?[\]{}()!+@|\\]/;

/** Split `../server/**\/*.ts` into the directory it starts from and the glob below it. */
export function globBase(dir: string, glob: string): { base: string; rest: string } {
  const parts = glob.split('/');
  const magic = parts.findIndex((p) => MAGIC.test(p));
  const fixed = magic < 0 ? parts.slice(0, -1) : parts.slice(0, magic);
  return { base: resolve(dir, fixed.join('/') || '.'), rest: parts.slice(fixed.length).join('/') };
}

/**
 * Whether the wildcard part of a glob could climb out of its base or name an absolute
 * path. Alternatives (braces, extglobs) are split apart; classes and escapes are dropped,
 * so `[.][.]` and `\.\.` read as the `..` they match. Conservative: a name only a
 * pattern of this kind could reach is refused rather than risked.
 */
export function climbs(rest: string): boolean {
  // An alternative that starts with a root: `{/etc,x}`, `@(C:|x)`.
  if (isAbsolute(rest) || /(^|[{,(|])\s*([\\/]|[a-z]:)/i.test(rest)) return true;
  for (const alternative of rest.split(/[{},()|]/)) {
    // A backslash escapes (POSIX) or separates (Windows): both readings are checked.
    const segments = [...alternative.replace(/\\(.)/g, '$1').split('/'), ...alternative.split(/[\\/]/)];
    if (segments.some((s) => s.replace(/[[\]!@+]/g, '') === '..')) return true;
  }
  return false;
}

/** The files a confined glob matches (directories left out); [] when its base is missing. */
export function globFiles(base: string, rest: string, root: string): string[] {
  let entries: Dirent[] = [];
  try {
    // The base itself may be a symlink: it must lead inside the root too.
    if (insideRoot(realpathSync.native(base), root)) entries = globSync(rest || '*', { cwd: base, withFileTypes: true });
  } catch {
    /* no such directory: the caller reports a glob matching nothing */
  }
  return entries.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name));
}

/** The text of a regular file under root (symlinks resolved), at most maxBytes; else undefined. */
export function readConfinedSource(path: string, root: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    const real = realpathSync.native(path);
    if (!insideRoot(real, root)) return undefined;
    // stat before open: opening a FIFO for reading waits for a writer. O_NONBLOCK covers
    // a file swapped for a FIFO in between; fstat then checks what was opened.
    if (!statSync(real).isFile()) return undefined;
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return readFileSync(fd, 'utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Reading catalog files from disk without trusting them: only regular files inside the
// catalog directory are read (a symlink may point elsewhere in the catalog, never out of
// it), never a FIFO, device or directory, and never more than LIMITS.fileBytes. What is
// refused is reported by name only: the target's content never reaches the output.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { LIMITS } from './limits.ts';

/** Why a path was not read. */
export interface Refusal {
  refused: string;
  rule: 'unsafe-file' | 'limit-exceeded';
}

/** Where catalog files come from: the working tree, or a git revision under review. */
export interface CatalogSource {
  isDir(path: string): boolean;
  /** Names of the entries of a directory, [] if it doesn't exist, or why it was not read. */
  list(path: string): string[] | Refusal;
  /** A file's text, undefined if it doesn't exist, or why it was not read. */
  read(path: string): string | undefined | Refusal;
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'refused' in x;
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `p` if it stays inside `root` (itself a real path). */
function contained(root: string, p: string): string | Refusal {
  let real: string;
  try {
    real = realpathSync(p);
  } catch {
    return { refused: 'is a symbolic link to nothing (broken link): not read', rule: 'unsafe-file' };
  }
  if (!inside(root, real)) {
    return { refused: 'is a symbolic link that leaves the catalog directory: not read', rule: 'unsafe-file' };
  }
  return real;
}

function kind(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

// One buffer for every read (reads are synchronous).
let buffer: Buffer | undefined;

export function tooLarge(bytes: number): Refusal {
  return { refused: `is larger than ${LIMITS.fileBytes} bytes (${bytes}): not read`, rule: 'limit-exceeded' };
}

/** Entries of a directory of the catalog; [] if it doesn't exist. */
export function listInside(root: string, dir: string): string[] | Refusal {
  try {
    lstatSync(dir);
  } catch {
    return [];
  }
  const real = contained(root, dir);
  if (isRefusal(real)) return real;
  if (!statSync(real).isDirectory()) return { refused: `is ${kind(statSync(real))}, not a directory: not read`, rule: 'unsafe-file' };
  return readdirSync(real);
}

/** A file's text, undefined if there is no such path, or why it was not read. */
export function readInside(root: string, path: string): string | undefined | Refusal {
  // Most files are plain files in a directory already known to be inside the catalog:
  // O_NOFOLLOW opens them without resolving anything. A symlink (ELOOP) is followed only
  // after its target is found to stay inside. O_NONBLOCK: opening a FIFO must not wait
  // for a writer; fstat then refuses it.
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code !== 'ELOOP') return { refused: `cannot be opened (${code ?? 'error'}): not read`, rule: 'unsafe-file' };
    const real = contained(root, path);
    if (isRefusal(real)) return real;
    try {
      fd = openSync(real, flags);
    } catch (e2) {
      return { refused: `cannot be opened (${(e2 as NodeJS.ErrnoException).code ?? 'error'}): not read`, rule: 'unsafe-file' };
    }
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { refused: `is ${kind(st)}, not a regular file: not read`, rule: 'unsafe-file' };
    if (st.size > LIMITS.fileBytes) return tooLarge(st.size);
    // Read at most one byte past the limit, whatever the size said (the file may grow).
    // Reading stops at the size fstat gave: no read is spent on finding the end.
    const buf = (buffer ??= Buffer.alloc(LIMITS.fileBytes + 1));
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      n += got;
      if (got === 0 || n >= st.size) break;
    }
    if (n > LIMITS.fileBytes) return tooLarge(n);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** The real path of the catalog directory, the root every file must stay inside. */
export function catalogRoot(dir: string): string | undefined {
  try {
    const real = realpathSync(dir);
    return statSync(real).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The working tree: only regular files that stay inside the catalog directory `root` (a real path). */
export function diskSource(root: string): CatalogSource {
  return {
    isDir: () => true,
    list: (p) => listInside(root, p),
    read: (p) => readInside(root, p),
  };
}

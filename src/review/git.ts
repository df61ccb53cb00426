// Read a catalog as it was at a git revision, through the same loader as the working tree
// and within the same bounds: the base of a pull request is as untrusted as its head.
import { join, relative, resolve } from 'node:path';
import { CatalogDirError, loadCatalog, type CatalogSource, type LoadedCatalog } from '../load/load.ts';
import { LIMITS } from '../load/limits.ts';
import { tooLarge, type Refusal } from '../load/read.ts';

/** Output of one git command, bounded: a listing of 20,000 files with long names fits easily. */
const LISTING_BYTES = 64 * 1024 * 1024;

function git(cwd: string, args: string[], maxBuffer = LISTING_BYTES): string {
  return process.getBuiltinModule('node:child_process').execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer });
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
}

/** `git ls-tree -r -l -z` as path -> entry; -z keeps every file name exactly as it is. */
function listTree(top: string, ref: string, prefix: string): Map<string, TreeEntry> {
  let out: string;
  try {
    out = git(top, ['ls-tree', '-r', '-l', '-z', ref, '--', prefix || '.']);
  } catch {
    throw new CatalogDirError(`cannot list the catalog at git revision "${ref}" (more than ${LISTING_BYTES} bytes of file names?)`);
  }
  const entries = new Map<string, TreeEntry>();
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = ''] = record.slice(0, tab).split(/ +/);
    entries.set(record.slice(tab + 1), { mode, type, object, size: Number(size) || 0 });
  }
  return entries;
}

/** Load the catalog in `dir` as committed at `ref`. Throws CatalogDirError for an unknown ref or path. */
export function loadCatalogAt(ref: string, dir: string): LoadedCatalog {
  const abs = resolve(dir);
  let top: string;
  try {
    top = git(abs, ['rev-parse', '--show-toplevel']).trim();
    git(abs, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new CatalogDirError(`cannot read git revision "${ref}" for ${dir}`);
  }
  const prefix = relative(top, abs).split('\\').join('/');
  // One listing for the whole catalog, with sizes; file contents are read on demand.
  const tree = listTree(top, ref, prefix);
  const dirs = new Set<string>();
  for (const f of tree.keys()) for (let d = f; d.includes('/'); ) dirs.add((d = d.slice(0, d.lastIndexOf('/'))));
  const key = (p: string) => relative(top, p).split('\\').join('/');
  const read = (p: string): string | undefined | Refusal => {
    const entry = tree.get(key(p));
    if (!entry) return undefined;
    // A symlink's blob is its target's name, a submodule has no blob: neither is catalog text.
    if (entry.mode === '120000') return { refused: `is a symbolic link at ${ref}: not read`, rule: 'unsafe-file' };
    if (entry.type !== 'blob') return { refused: `is not a file at ${ref} (${entry.type}): not read`, rule: 'unsafe-file' };
    if (entry.size > LIMITS.fileBytes) return tooLarge(entry.size);
    return git(top, ['cat-file', 'blob', entry.object], LIMITS.fileBytes + 1);
  };
  const source: CatalogSource = {
    isDir: (p) => dirs.has(key(p)) || (key(p) === prefix && tree.size > 0),
    list: (p) => {
      const k = `${key(p)}/`;
      return [...tree.keys()].filter((f) => f.startsWith(k) && !f.slice(k.length).includes('/')).map((f) => f.slice(k.length));
    },
    read,
  };
  return loadCatalog(join(abs), source);
}

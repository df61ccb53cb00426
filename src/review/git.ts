// Read a catalog as it was at a git revision, through the same loader as the working tree.
import { execFileSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { CatalogDirError, loadCatalog, type CatalogSource, type LoadedCatalog } from '../catalog/load.ts';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
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
  // One ls-tree for the whole catalog; file contents are read on demand.
  const listing = git(top, ['ls-tree', '-r', '--name-only', ref, '--', prefix || '.']).split('\n').filter(Boolean);
  const files = new Set(listing);
  const dirs = new Set<string>();
  for (const f of listing) for (let d = f; d.includes('/'); ) dirs.add((d = d.slice(0, d.lastIndexOf('/'))));
  const key = (p: string) => relative(top, p).split('\\').join('/');
  const source: CatalogSource = {
    isDir: (p) => dirs.has(key(p)) || (key(p) === prefix && listing.length > 0),
    list: (p) => {
      const k = `${key(p)}/`;
      return listing.filter((f) => f.startsWith(k) && !f.slice(k.length).includes('/')).map((f) => f.slice(k.length));
    },
    read: (p) => (files.has(key(p)) ? git(top, ['show', `${ref}:${key(p)}`]) : undefined),
  };
  return loadCatalog(join(abs), source);
}

// Where the plugin looks for the catalog, and from what: the error for a wrong path names
// the directory it resolved, which setting gave it, and how to fix it.
import { resolve } from 'node:path';
import type { AstroError } from 'astro/errors';
import { userError } from './user-error.ts';
import { catalogDir, DEFAULT_CATALOG_DIR } from '../config.ts';

export interface CatalogLocation {
  dir: string;
  /** What gave the path, for the error: the option, CATALOG_DIR or the default. */
  from: string;
}

export function locateCatalog(option: string | undefined, env: NodeJS.ProcessEnv, root: string): CatalogLocation {
  const dir = catalogDir(option, env, root);
  if (option !== undefined) return { dir, from: `the \`catalog\` option ("${option}")` };
  if (env.CATALOG_DIR !== undefined) return { dir, from: `the CATALOG_DIR environment variable ("${env.CATALOG_DIR}")` };
  return { dir, from: `the default ("${DEFAULT_CATALOG_DIR}"; neither the \`catalog\` option nor CATALOG_DIR is set)` };
}

export function catalogNotFoundError({ dir, from }: CatalogLocation, root: string): AstroError {
  return userError(
    `No error catalog directory at ${dir}: the path comes from ${from}, resolved against the Astro root (${resolve(root)}).`,
    'Set `catalog` in starlightErrorCatalog({ catalog: \'path/to/catalog\' }) to the directory that holds catalog.yaml and codes/, relative to the Astro root (where astro.config.mjs is), or set CATALOG_DIR.',
  );
}

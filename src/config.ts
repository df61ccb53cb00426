// Where the catalog lives: a setting (default `catalog/`) that CATALOG_DIR overrides, used
// alike by the check, the site build and the tests.
import { resolve } from 'node:path';

export const DEFAULT_CATALOG_DIR = 'catalog';

/** `root`: what a relative path is relative to (the Astro root for the plugin). */
export function catalogDir(explicit?: string, env: NodeJS.ProcessEnv = process.env, root = process.cwd()): string {
  return resolve(root, explicit ?? env.CATALOG_DIR ?? DEFAULT_CATALOG_DIR);
}

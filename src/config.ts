// Where the catalog lives: a setting (default `catalog/`) that CATALOG_DIR overrides, used
// alike by the check, the site build and the tests.
import { resolve } from 'node:path';

export const DEFAULT_CATALOG_DIR = 'catalog';

export function catalogDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit ?? env.CATALOG_DIR ?? DEFAULT_CATALOG_DIR);
}

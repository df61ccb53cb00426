// This package's own modules by path, for what takes a file rather than an import (routes,
// middleware, workers). The sources name them .ts; compiled into lib/ for the published
// package (scripts/build-package.ts), every module is the .js file at the same place.
import { fileURLToPath } from 'node:url';

/** The module at `path` (written as in the sources, .ts) relative to `base`, the caller's import.meta.url. */
export function ownModuleUrl(path: string, base: string): URL {
  return new URL(base.endsWith('.js') ? path.replace(/\.ts$/, '.js') : path, base);
}

/** ownModuleUrl as a file path. */
export function ownModule(path: string, base: string): string {
  return fileURLToPath(ownModuleUrl(path, base));
}

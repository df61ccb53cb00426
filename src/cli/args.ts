// The command line's arguments: node:util's parseArgs, and the options of `errcat check`,
// which replay.ts must read exactly as the command does.
import { misuse } from './misuse.ts';

// Not `import ... from 'node:util'`: that reads every export of node:util, and its lazy
// ones load some thirty modules (about 10 ms of every cold start); parseArgs alone is cheap.
export const { parseArgs } = process.getBuiltinModule('node:util');

export const CHECK_OPTIONS = {
  format: { type: 'string', default: 'text' },
  base: { type: 'string' },
  'preview-url': { type: 'string' },
  'artifact-url': { type: 'string' },
  'max-chars': { type: 'string' },
  openapi: { type: 'string' },
  'openapi-max-mb': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
} as const;

/** `--cache`, or `--cache-location`, which implies it. */
export function wantsCache(values: { cache?: boolean; 'cache-location'?: string }): boolean {
  return values.cache === true || values['cache-location'] !== undefined;
}

/** `--openapi-max-mb`: the largest OpenAPI file read, in MB, a positive number up to 100. */
export function openapiMaxMb(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const mb = Number(value);
  if (!(value.trim() !== '' && mb > 0 && mb <= 100)) throw misuse(`--openapi-max-mb takes a number of megabytes above 0, at most 100 (got "${value}")`);
  return mb;
}

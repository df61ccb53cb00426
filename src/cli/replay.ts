// The first thing bin/errcat.js runs for `check --cache`: when no input changed, the stored
// report is printed here, before the check itself (zod, the parsers, the rules: most of a
// cold start) is loaded at all. Anything else, including a miss, goes on to main.ts.
import { lstatSync } from 'node:fs';
import { catalogDir } from '../config.ts';
import { lookup, openCache, recordsFileOf } from './cache.ts';
import { CHECK_OPTIONS, parseArgs, wantsCache } from './args.ts';

/**
 * The exit status of a replayed run, or, when main.ts must run (and need not look again),
 * 'records' if the last run's per-file findings are there (cache-records.ts: only the
 * changed files will be checked), else undefined.
 */
export function replay(argv: string[], out: NodeJS.WritableStream): number | 'records' | undefined {
  const [command, ...args] = argv;
  if (command !== 'check') return undefined;
  let parsed;
  try {
    parsed = parseArgs({ args, options: CHECK_OPTIONS, allowPositionals: true });
  } catch {
    return undefined; // main.ts says what is wrong
  }
  const { values, positionals } = parsed;
  if (!wantsCache(values) || values.base !== undefined || positionals.length > 1) return undefined;
  const run = openCache(args, catalogDir(positionals[0]), values['cache-location']);
  const hit = run && lookup(run);
  if (!hit) return run && lstatSync(recordsFileOf(run.file), { throwIfNoEntry: false })?.isFile() ? 'records' : undefined;
  out.write(hit.output);
  return hit.status;
}

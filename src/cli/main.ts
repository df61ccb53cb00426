// errcat: the command line of the error catalog. Exit 0 clean, 1 on problems, 2 on misuse.
// First, before any schema is built: see zod-jitless.ts.
import './zod-jitless.ts';
import { statSync, writeFileSync } from 'node:fs';
import { writeWhole } from './write-whole.ts';
import { join } from 'node:path';
import { CatalogDirError, LOCK_FILE } from '../load/load.ts';
import { lookup, openCache, save } from './cache.ts';
import { checkWithRecords } from './cache-records.ts';
import { readsBeyondCatalog } from '../check/incremental.ts';
import { CHECK_OPTIONS, openapiMaxMb, parseArgs, wantsCache } from './args.ts';
import { checkCatalog } from '../check/check.ts';
import { hasErrors, sortDiagnostics } from '../load/diagnostics.ts';
import { readLock, shipLock, VERSION } from '../check/stability.ts';
import { DAY } from '../model/lock.ts';
import { reviewAgainst, type Review } from '../review/diff.ts';
import { loadCatalogAt } from '../review/git.ts';
import { catalogDir } from '../config.ts';
import { writeSchemas } from '../model/json-schema.ts';
import { errorsOpenapi } from '../render/openapi.ts';
import { isFormat, REPORTERS } from '../reporters/index.ts';
import { textLines } from '../reporters/text.ts';
import { explain } from './explain.ts';
import { misuse, isMisuse } from './misuse.ts';
import { openapiChanges, type OpenapiChanges } from '../bridges/openapi-review.ts';
import { startOpenapiRead, startSettingRead, stopStartedReads } from '../bridges/openapi.ts';
import { catalogSchema } from '../model/schema.ts';
import { asksHelp, commandUsage, didYouMean, isCommand, optionsOf, USAGE, COMMANDS } from './help.ts';
import { init } from './init.ts';
import { packageVersion } from './version.ts';


export interface RunOptions {
  /** bin/errcat.js already looked the run up in the cache (replay.ts) and found nothing. */
  cacheChecked?: boolean;
}

export function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr, run: RunOptions = {}): number {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    out.write(`${packageVersion()}\n`);
    return 0;
  }
  const helpOf = command === 'help' ? rest[0] : asksHelp(rest) ? command : undefined;
  if (isCommand(helpOf)) {
    out.write(`${commandUsage(helpOf)}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'init':
        return init(rest, out);
      case 'check':
        return check(rest, out, run);
      case 'explain':
        return explain(rest, out);
      case 'ship':
        return ship(rest, out);
      case 'openapi':
        return openapi(rest, out);
      case 'schema': {
        parseArgs({ args: rest, options: {}, allowPositionals: false });
        for (const path of writeSchemas()) out.write(`wrote ${path}\n`);
        return 0;
      }
      case '-h':
      case '--help':
      case 'help':
        out.write(`${USAGE}\n`);
        return 0;
      default:
        err.write(`errcat: ${command ? `unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}` : 'no command given'}\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof CatalogDirError || isMisuse(e)) {
      const usage = isCommand(command) ? commandUsage(command) : USAGE;
      err.write(`errcat: ${misuseMessage(e as Error, command)}\n${isMisuse(e) && e.brief ? '' : `${usage}\n`}`);
      return 2;
    }
    throw e;
  }
}

/** The message of a misuse, with "did you mean" for an unknown option of a command. */
function misuseMessage(e: Error, command: string | undefined): string {
  if ((e as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !isCommand(command)) return e.message;
  // node:util's message: Unknown option '--formt'. To specify a positional argument ...
  const option = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  return `unknown option "${option}" for ${command}${didYouMean(option, optionsOf(command))}`;
}

function previewUrl(value: string | undefined, flag = '--preview-url'): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw misuse(`${flag} "${value}" is not a URL (e.g. https://pr-42.preview.example)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw misuse(`${flag} must be an http(s) URL, not ${url.protocol}`);
  return url.href;
}

function check(args: string[], out: NodeJS.WritableStream, run: RunOptions): number {
  const { values, positionals } = parseArgs({
    args,
    options: CHECK_OPTIONS,
    allowPositionals: true,
  });
  if (positionals.length > 1) throw misuse('check takes at most one directory');
  const cached = wantsCache(values);
  if (cached && values.base !== undefined) throw misuse('--cache does not apply to a review (--base): a review reads git history');
  const format = values.format;
  if (!isFormat(format)) throw misuse(`unknown format "${format}" (${Object.keys(REPORTERS).join(', ')})`);
  const preview = previewUrl(values['preview-url']);
  const artifactUrl = previewUrl(values['artifact-url'], '--artifact-url');
  const maxChars = values['max-chars'] === undefined ? undefined : Number(values['max-chars']);
  if (maxChars !== undefined && !(Number.isInteger(maxChars) && maxChars > 0)) throw misuse('--max-chars takes a positive whole number');
  const maxMb = openapiMaxMb(values['openapi-max-mb']);
  const dir = catalogDir(positionals[0]);
  const cache = cached ? openCache(args, dir, values['cache-location']) : undefined;
  const hit = cache && !run.cacheChecked ? lookup(cache) : undefined;
  if (hit) {
    out.write(hit.output);
    return hit.status;
  }
  // After an edit, only the changed code files are checked again (cache-records.ts).
  const recorded = cache && values.openapi === undefined ? checkWithRecords(cache, dir) : undefined;
  // The document --openapi (or, as guessed from its text, catalog.yaml's `openapi`) names
  // is read in its worker while the catalog is checked here.
  if (!recorded && values.openapi !== undefined) startOpenapiRead(values.openapi, maxMb);
  else if (!recorded) startSettingRead(dir, maxMb);
  let result: ReturnType<typeof checkCatalog>;
  try {
    result = recorded?.result ?? checkCatalog(dir, { openapi: values.openapi, openapiMaxMb: maxMb }, cache?.source);
  } finally {
    stopStartedReads();
  }
  let { diagnostics } = result;
  let review: Review | undefined;
  let openapi: OpenapiChanges | undefined;
  if (values.base) {
    const base = loadCatalogAt(values.base, dir);
    const head = result.loaded;
    ({ review, diagnostics } = reviewAgainst(base, head, values.base, diagnostics));
    diagnostics = sortDiagnostics(diagnostics);
    // The OpenAPI side, when the catalog (or --openapi) names the API's document.
    const catalog = catalogSchema.safeParse(head.catalog?.data);
    if (catalog.success) openapi = openapiChanges(values.base, dir, catalog.data, values.openapi, maxMb);
  }
  const docsUrl = result.docsUrl;
  const output = REPORTERS[format].format({ diagnostics, codeCount: result.codeCount, docsUrl, review, openapi, links: { docsUrl, previewUrl: preview, artifactUrl, maxChars } });
  out.write(output);
  const status = result.internalError ? 2 : hasErrors(diagnostics) ? 1 : 0;
  if (cache && status !== 2 && !values.openapi && !readsBeyondCatalog(result.loaded.catalog?.data)) {
    save(cache, output, status);
    recorded?.save();
  }
  return status;
}

/** The OpenAPI fragment of a clean catalog, on stdout or into --out. */
function openapi(args: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true });
  if (positionals.length > 1) throw misuse('openapi takes at most one directory');
  const result = checkCatalog(catalogDir(positionals[0]));
  if (!result.model) {
    out.write(`${textLines(result.diagnostics)}\n\nno OpenAPI written: fix the errors above first\n`);
    return 1;
  }
  const text = `${JSON.stringify(errorsOpenapi(result.model), null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, text);
    out.write(`wrote ${values.out}\n`);
  } else out.write(text);
  return 0;
}

/** Record codes as shipped, with the version and day. Refuses while the catalog has errors. */
function ship(args: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({ args, options: { version: { type: 'string' }, date: { type: 'string' }, backfill: { type: 'boolean' } }, allowPositionals: true });
  // The first argument is the catalog when it is a directory; the others are codes.
  const hasDir = positionals.length > 0 && statSync(positionals[0]!, { throwIfNoEntry: false })?.isDirectory() === true;
  const dir = catalogDir(hasDir ? positionals[0] : undefined);
  const named = positionals.slice(hasDir ? 1 : 0);
  // A backfill records only what is known: the date too only when given.
  const date = values.date ?? (values.backfill ? undefined : new Date().toISOString().slice(0, 10));
  if (date !== undefined && !(DAY.test(date) && !Number.isNaN(Date.parse(date)))) throw misuse(`--date must be a day, YYYY-MM-DD, got "${date}"`);
  const result = checkCatalog(dir);
  if (!result.model) {
    out.write(`${textLines(result.diagnostics)}\n\nnot shipped: fix the errors above first\n`);
    return 1;
  }
  const version = values.version ?? result.model.catalog.version;
  if (version !== undefined && !VERSION.test(version)) throw misuse(`--version must be one word of letters, digits and . _ + -, got "${version}"`);
  const unknown = named.filter((c) => !result.model!.byCode.has(c));
  if (unknown.length) throw misuse(`not in the catalog: ${unknown.join(', ')}`);
  const lock = readLock(result.loaded.lock, []);
  if (values.backfill && !version && !date) throw misuse('--backfill records a --version or --date: give one');
  const { text, added, backfilled, deprecated, retired } = shipLock(lock, result.model.codes, { ...(named.length ? { only: named } : {}), version, date, backfill: values.backfill });
  // A named code whose deprecation or retirement ships now is news, not "already shipped".
  const already = named.filter((c) => lock?.has(c) && !deprecated.includes(c) && !retired.includes(c));
  if (already.length && !values.backfill) out.write(`already shipped: ${already.join(', ')}\n`);
  if (values.backfill) {
    if (backfilled.length) writeLock(dir, text);
    out.write(`recorded ${[version, date].filter(Boolean).join(', ')} on ${backfilled.length} shipped code${backfilled.length === 1 ? '' : 's'} without history\n`);
    return 0;
  }
  if (added.length + deprecated.length + retired.length === 0) {
    out.write(`nothing to ship: ${named.length ? 'those codes are' : 'every code is'} already in shipped.yaml\n`);
    return 0;
  }
  writeLock(dir, text);
  // What this release ships: new codes, then the deprecations and retirements it records.
  const what = [added.join(', '), deprecated.length ? `deprecated: ${deprecated.join(', ')}` : '', retired.length ? `retired: ${retired.join(', ')}` : ''].filter(Boolean).join('; ');
  const codes = added.length ? ` ${added.length} code${added.length === 1 ? '' : 's'}` : '';
  out.write(`shipped${codes}${version ? ` in ${version}` : ''}${date ? ` on ${date}` : ''}: ${what}\n`);
  return 0;
}

/** The lock replaced whole or not at all: a full disk or a size limit leaves the old lock, and says so (exit 2). */
function writeLock(dir: string, text: string): void {
  const file = join(dir, LOCK_FILE);
  try {
    writeWhole(file, text);
  } catch (e) {
    throw misuse(`could not write ${file} (${(e as Error).message}); it is unchanged, nothing was shipped`, { brief: true });
  }
}

/** `errcat check | head -1`: the reader left; stop quietly with the status already decided. */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

if (import.meta.main) {
  quietOnBrokenPipe(process.stdout);
  process.exitCode = main(process.argv.slice(2));
}

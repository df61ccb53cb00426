// `errcat check --cache`: a check whose inputs did not change since the last run prints
// the last run's report without parsing or validating anything. Like ESLint's --cache,
// for the runs that repeat themselves (a pre-commit hook on commits that leave the
// catalog alone, a rerun in CI, an editor saving twice).
//
// A run records every directory listing and file read of the catalog, in order, with a
// digest of each result. The next run with the same arguments repeats those reads: the
// loader's reads depend only on the results of earlier ones, so when every result is the
// same, so is the report. Like git and make, a file or directory whose status (inode,
// size, modification and change times) is what it was is taken as unchanged without
// reading it, unless it had changed just before the recorded run (a "racy" status, which
// the clock's granularity cannot tell apart) or is a symbolic link (whose target may have
// changed); those are read and compared by digest. Only catalogs whose every input is a
// catalog file are cached: an OpenAPI document or server sources (`openapi`, `sources`,
// `--openapi`) are read elsewhere, and a run that fails inside the check is not kept.
//
// The cache is an input the check trusts: a cache the checked repository could have
// supplied (tracked by git, reached through a link, any in CI) is not used at all
// (cache-trust.ts). It lives in node_modules/.cache/errcat/ unless --cache-location says
// otherwise; a cache file that is too large, not a regular file, unreadable or malformed
// is a miss, and is replaced.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { CatalogSource } from '../load/load.ts';
import { catalogRoot, diskSource, isRefusal, type Refusal } from '../load/read.ts';
import { cacheTrusted } from './cache-trust.ts';
import { writeWhole } from './write-whole.ts';

export const DEFAULT_CACHE_DIR = 'node_modules/.cache/errcat';
/** Runs kept (one file per set of arguments); the oldest go first. */
const MAX_RUNS = 16;
/** A larger cache file is not read: at 10,000 codes a run takes about 1.5 MB. */
const MAX_RUN_BYTES = 64 * 1024 * 1024;
/** A status this close to the recorded run's start may hide a later change of the same size. */
export const RACY_MS = 3000;
const FORMAT = 2;

type Result = string | string[] | undefined | Refusal;

/** One read of the loader: [operation, path, digest of its result, status of the path or '' to compare by digest]. */
type Read = [op: 'list' | 'read', path: string, digest: string, status: string];

interface Run {
  key: string;
  reads: Read[];
  output: string;
  status: number;
}

function digest(result: Result): string {
  if (result === undefined) return 'none';
  // Loaded only when something is read: an unchanged catalog is known by its status alone.
  const { hash } = process.getBuiltinModule('node:crypto');
  if (isRefusal(result)) return `refused:${hash('sha256', JSON.stringify(result))}`;
  return hash('sha256', typeof result === 'string' ? result : JSON.stringify(result));
}

/** The path's status, or '' when it cannot vouch for the content (missing, a link, or changed shortly before `since`). */
export function statusOf(path: string, since = Infinity): string {
  let s: Stats | undefined;
  try {
    s = lstatSync(path);
  } catch {
    return '';
  }
  if (s.isSymbolicLink() || !(s.isFile() || s.isDirectory()) || Math.max(s.ctimeMs, s.mtimeMs) > since - RACY_MS) return '';
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
}

type RecordingSource = CatalogSource & { reads: Read[] };

/** One run's view of the cache: its file, what identifies the run, and the source that records its reads. */
export interface CacheRun {
  file: string;
  key: string;
  /** The catalog directory's real path: every path a stored run names must be inside it. */
  root: string;
  source: RecordingSource;
}

/**
 * The cache of `check <args>` on `dir`; undefined when there is no such directory (the
 * check says so) or the cache may not be trusted there (the check runs uncached).
 */
export function openCache(args: string[], dir: string, location: string | undefined): CacheRun | undefined {
  const root = catalogRoot(dir);
  if (!root) return undefined;
  const key = JSON.stringify([FORMAT, args, process.cwd(), root, toolIdentity(), process.env.ERRCAT_UNSAFE_SKIP_RESERVED ?? null]);
  const file = join(resolve(location ?? DEFAULT_CACHE_DIR), `check-${fnv1a(key)}.json`);
  if (!cacheTrusted(file)) return undefined;
  return { file, key, root, source: recordingSource(diskSource(root)) };
}

/** A file name for a key (the key itself is checked inside the file). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The source the check reads through: each result read once, and every read recorded with its status. */
function recordingSource(source: CatalogSource): RecordingSource {
  const started = Date.now();
  const reads: Read[] = [];
  const seen = new Map<string, Result>();
  const once = (op: Read[0], path: string, get: () => Result): Result => {
    const id = `${op}\0${path}`;
    if (!seen.has(id)) {
      // Status before content: a change in between makes the two disagree, never agree wrongly.
      const status = statusOf(path, started);
      const result = get();
      seen.set(id, result);
      reads.push([op, path, digest(result), status]);
    }
    return seen.get(id);
  };
  return {
    reads,
    isDir: (p) => source.isDir(p),
    list: (p) => once('list', p, () => source.list(p)) as string[] | Refusal,
    read: (p) => once('read', p, () => source.read(p)) as string | undefined | Refusal,
  };
}

/**
 * The check's own code: the bundles' content id when they run (written beside them by
 * scripts/build-cli.ts, the same for errcat.mjs and for replay.mjs, which replays its
 * reports), else every source file (a development checkout).
 */
function toolIdentity(): string {
  const self = new URL(import.meta.url);
  if (self.pathname.endsWith('.mjs')) return `bundle:${(JSON.parse(readFileSync(new URL('errcat.inputs.json', self), 'utf8')) as { id: string }).id}`;
  const src = new URL('../', self);
  const files = readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort();
  return `source:${digest(files.map((f) => { const s = statSync(new URL(f, src)); return `${f}:${s.size}:${s.mtimeMs}`; }))}`;
}

function readRun(file: string, key: string): Run | undefined {
  const run = readStored(file);
  return isRun(run) && run.key === key ? run : undefined;
}

/** A cache file's JSON, or undefined when it is missing, too large, not a regular file or malformed. */
export function readStored(file: string): unknown {
  let fd: number | undefined;
  try {
    // Not through a link, and never waiting on a FIFO: only a regular file of bounded size is read.
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const s = fstatSync(fd);
    if (!s.isFile() || s.size > MAX_RUN_BYTES) return undefined;
    return JSON.parse(readFileSync(fd, 'utf8'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where a run's per-file findings are kept (cache-records.ts): beside the run, pruned with it. */
export function recordsFileOf(runFile: string): string {
  return runFile.replace(/\.json$/, '.files.json');
}

function isRun(e: unknown): e is Run {
  const x = e as Run;
  return typeof x === 'object' && x !== null && typeof x.key === 'string' && (x.status === 0 || x.status === 1)
    // The report goes to a terminal or a CI log: no control characters, whatever the file says.
    && typeof x.output === 'string' && !CONTROL.test(x.output)
    // Every run reads catalog.yaml at least: a run without reads would match anything.
    && Array.isArray(x.reads) && x.reads.length > 0
    && x.reads.every((r) => Array.isArray(r) && r.length === 4 && (r[0] === 'list' || r[0] === 'read') && r.slice(1).every((s) => typeof s === 'string'));
}

// Reporters never print these (tabs and newlines aside): a stored report that has one is not ours.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Whether `path` names an entry of a directory inside `root`. A stored run is only as
 * trustworthy as its file: its paths are checked before anything is looked at, so a
 * forged one cannot make the lookup touch a file outside the catalog.
 */
function insideRoot(root: string): (path: string) => boolean {
  const parents = new Map<string, boolean>();
  return (path) => {
    if (path !== resolve(path) || ['', '.', '..'].includes(basename(path))) return false;
    const parent = dirname(path);
    let ok = parents.get(parent);
    if (ok === undefined) {
      try {
        const real = realpathSync(parent);
        ok = real === root || real.startsWith(root + sep);
      } catch {
        ok = false;
      }
      parents.set(parent, ok);
    }
    return ok;
  };
}

/** The last run's report and status, if every read it made gives the same result now. */
export function lookup({ file, key, root, source }: CacheRun): { output: string; status: number } | undefined {
  const run = readRun(file, key);
  if (!run) return undefined;
  const inside = insideRoot(root);
  for (const [op, path, was, status] of run.reads) {
    if (!inside(path)) return undefined;
    if (status !== '' && statusOf(path) === status) continue;
    const now = op === 'list' ? source.list(path) : source.read(path);
    if (digest(now) !== was) return undefined;
  }
  return { output: run.output, status: run.status };
}

/** Keep this run for the next one: written whole (write-whole.ts), so a reader never sees half a file. */
export function save({ file, key, source }: CacheRun, output: string, status: number): void {
  const run: Run = { key, reads: source.reads, output, status };
  try {
    const dir = resolve(file, '..');
    mkdirSync(dir, { recursive: true });
    writeWhole(file, JSON.stringify(run), { durable: false });
    const runs = readdirSync(dir).filter((n) => /^check-[0-9a-f]{8}\.json$/.test(n));
    if (runs.length > MAX_RUNS) {
      const byAge = runs.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
      for (const { n } of byAge.slice(0, runs.length - MAX_RUNS)) {
        rmSync(join(dir, n), { force: true });
        rmSync(recordsFileOf(join(dir, n)), { force: true });
      }
    }
  } catch {
    // A cache that cannot be written only costs the next run its speed.
  }
}

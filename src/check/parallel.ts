// A cold check of a large catalog on two threads. Nearly all of a check is per code file
// (read, parse, schema, the scope-'file' rules: at 10,000 codes the scope-'catalog' rules
// are a few hundredths of it), and incremental.ts already splits a check there: per-file
// findings, then the catalog-wide rules over their summaries, with the full check's report
// (tests/unit/cache-incremental.test.ts). So a worker thread and this one both check code
// files, chunk by chunk, each claiming the next chunk from a shared counter (so neither
// waits on the other: a thread that gets no core claims nothing); then checkIncremental
// runs with all their findings kept, which leaves it only catalog.yaml, the lock and the
// catalog-wide rules. Whatever the worker did not hand back (it failed, or never started)
// checkIncremental checks here, and if that cannot give the full check's report either,
// the caller runs the full check: the report is the same in every case.
import type { MessagePort, Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { CATALOG_FILE, CODES_DIR } from '../load/load.ts';
import { LIMITS } from '../load/limits.ts';
import { parseFile } from '../load/parse.ts';
import { catalogRoot, diskSource, isRefusal } from '../load/read.ts';
import { ownModuleUrl } from '../own-module.ts';
import { spareCores } from '../bridges/spare-cores.ts';
import type { CheckOptions } from '../rules/context.ts';
import type { CheckResult } from './check.ts';
import { checkIncremental, findingsOfFiles, readsBeyondCatalog, type KeptFile, type PartFindings } from './incremental.ts';

/** Fewer code files than this are checked on one thread: a thread costs more to start (some 150 ms, its own copy of the checker) than it would save. */
export const PARALLEL_FILES = 2000;
/** ERRCAT_PARALLEL=1 checks any catalog on two threads (tests), =0 none. */
export const PARALLEL_ENV = 'ERRCAT_PARALLEL';
/** About 40 chunks: small enough that the thread finishing first waits for little, large enough that each chunk's catalog.yaml costs nothing. */
const CHUNKS = 40;
const MIN_CHUNK = 16;
/** The longest wait for the worker's next chunk; past it (the thread failed) this thread checks what is missing. */
const CHUNK_WAIT_MS = 2000;

export interface ParallelOptions {
  /** The worker's module (tests give one that fails). */
  worker?: URL;
}

/**
 * The check of `dir` on two threads, or undefined when it is not run so (a small catalog,
 * no idle core, an OpenAPI document or server sources to read, or a result incremental.ts
 * cannot vouch for): the caller then runs the full check.
 */
export function checkInParallel(dir: string, options: CheckOptions = {}, given: ParallelOptions = {}): CheckResult | undefined {
  const forced = process.env[PARALLEL_ENV];
  if (forced === '0' || options.openapi !== undefined) return undefined;
  // Only on a core nothing else is using: on a busy machine the two threads take turns
  // with each other and the rest, and the worker's start is added (at a load of 5 on 2
  // cores, 1.3-1.6x the wall time of one thread: bench/RESULTS.md).
  if (forced !== '1' && spareCores().spare < 1) return undefined;
  const root = catalogRoot(dir);
  if (!root) return undefined;
  const source = diskSource(root);
  const listed = source.list(join(dir, CODES_DIR));
  if (isRefusal(listed)) return undefined;
  const names = listed.filter((n) => /\.ya?ml$/.test(n)).sort().slice(0, LIMITS.codeFiles);
  if (names.length < (forced === '1' ? 1 : PARALLEL_FILES)) return undefined;
  const catalogText = source.read(join(dir, CATALOG_FILE));
  if (typeof catalogText !== 'string' || readsBeyondCatalog(parseFile(join(dir, CATALOG_FILE), catalogText, []).data)) return undefined;

  const size = Math.max(MIN_CHUNK, Math.ceil(names.length / CHUNKS));
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += size) chunks.push(names.slice(i, i + size));
  // [0] the next chunk to claim, [1] how many chunks the worker has finished (posted or failed).
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const started = startWorker(given.worker ?? ownModuleUrl('./parallel-worker.ts', import.meta.url), { dir, root, chunks, shared, options });
  const parts: PartFindings[] = [];
  let mine = 0;
  try {
    for (let c = Atomics.add(shared, 0, 1); c < chunks.length; c = Atomics.add(shared, 0, 1), mine++) parts.push(findingsOfFiles(dir, source, chunks[c]!, options));
    if (started) parts.push(...takeWorkerParts(started, chunks.length - mine));
  } catch {
    return undefined;
  } finally {
    if (started) stop(started);
  }
  const settings = parts[0]?.settings;
  const kept = new Map<string, KeptFile>();
  for (const p of parts) if (p.settings === settings) for (const [path, f] of p.files) kept.set(path, f);
  return checkIncremental(dir, source, settings === undefined ? undefined : { settings, unchanged: (path) => kept.get(path) }, options)?.result;
}

interface Started {
  worker: Worker;
  port: MessagePort;
  shared: Int32Array;
}

function startWorker(url: URL, data: { dir: string; root: string; chunks: string[][]; shared: Int32Array; options: CheckOptions }): Started | undefined {
  try {
    // Loaded on first use: most checks start no thread.
    const { MessageChannel, Worker } = process.getBuiltinModule('node:worker_threads');
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(url, {
      workerData: { ...data, port: port2 },
      transferList: [port2],
      resourceLimits: {
        // 8 MiB semi-spaces, as bin/errcat.js gives the main thread of a large check (V8's young generation is three of them).
        maxYoungGenerationSizeMb: 24,
        // The main thread's stack (8 MB on Linux), on which sample-syntax.ts's length bound was measured.
        stackSizeMb: 8,
      },
      stdout: true,
      stderr: true,
    });
    // A thread that fails leaves its chunks to this one; it must not end the process.
    worker.on('error', () => {});
    worker.unref();
    port1.unref();
    return { worker, port: port1, shared: data.shared };
  } catch {
    return undefined;
  }
}

/** The worker's findings, once it has finished the `claimed` chunks it took (or stopped making progress). */
function takeWorkerParts({ port, shared }: Started, claimed: number): PartFindings[] {
  let deadline = performance.now() + CHUNK_WAIT_MS;
  for (let done = Atomics.load(shared, 1); done < claimed && performance.now() < deadline;) {
    Atomics.wait(shared, 1, done, Math.max(0, deadline - performance.now()));
    const now = Atomics.load(shared, 1);
    if (now !== done) deadline = performance.now() + CHUNK_WAIT_MS;
    done = now;
  }
  const { receiveMessageOnPort } = process.getBuiltinModule('node:worker_threads');
  const parts: PartFindings[] = [];
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) parts.push(m.message as PartFindings);
  return parts;
}

function stop({ worker, port, shared }: Started): void {
  // Nothing more to claim, then the thread ended.
  Atomics.store(shared, 0, 0x3fffffff);
  port.close();
  void worker.terminate();
}

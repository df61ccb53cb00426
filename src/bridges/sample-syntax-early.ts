// A large catalog's TypeScript and JavaScript samples parsed on another thread while this
// one validates the files and runs the rules before the example rules: 10,000 samples are
// about a tenth of a cold check, and the parse needs nothing but the samples' text. The two
// threads share the work: the other thread claims chunks of samples from a shared counter
// as it goes; when the rules need the findings, this thread claims and parses whatever is
// left (all of them when the other thread had no core to run on), so it never waits for
// more than a chunk under way. Both parse with the same function (firstSyntaxError), and a
// sample the rules see that was not among the files' data is parsed in process as before:
// the findings are the same however the work was shared (tests compare them). A small
// catalog is parsed in process only: a thread costs more to start than it would save; so
// is any catalog on a machine with no idle core.
import type { MessagePort, Worker } from 'node:worker_threads';
import type { LoadedCatalog } from '../load/load.ts';
import { firstSyntaxError, type FirstError } from '../model/sample-first-error.ts';
import { parsedInProcess, type KnownErrors } from '../model/sample-syntax.ts';
import { ownModuleUrl } from '../own-module.ts';
import { spareCores } from './spare-cores.ts';

type Samples = [lang: 'ts' | 'js', code: string][];

/** Fewer samples than this are parsed in process only. */
export const EARLY_SAMPLES = 1000;
/** Samples a thread claims at a time: about half a millisecond of parsing. */
const CHUNK = 64;
/** The longest wait for the other thread's chunk under way; past it (the thread failed) this thread parses it. */
const CHUNK_WAIT_MS = 2000;

interface Early {
  samples: Samples;
  /** [0] the next sample to claim, [1] how many the other thread has posted. */
  shared: Int32Array;
  port: MessagePort;
  worker: Worker;
}
const started = new WeakMap<LoadedCatalog, Early>();

/**
 * Start parsing the samples of `loaded`'s code files on another thread, when there are at
 * least `min` of them and the machine has a core to spare (`anyLoad`: whatever its load).
 */
export function startSampleParsing(loaded: LoadedCatalog, { min = EARLY_SAMPLES, anyLoad = false } = {}): void {
  const samples: Samples = [];
  for (const file of loaded.codes) {
    const examples = (file.data as { examples?: unknown } | null | undefined)?.examples;
    if (!Array.isArray(examples)) continue;
    for (const e of examples as unknown[]) {
      const { lang, code } = (e ?? {}) as { lang?: unknown; code?: unknown };
      if (typeof lang === 'string' && typeof code === 'string' && parsedInProcess({ lang, code })) samples.push([lang as 'ts' | 'js', code]);
    }
  }
  if (samples.length < min || !(anyLoad || coreToSpare())) return;
  // Loaded on first use: most checks start no thread.
  const { MessageChannel, Worker } = process.getBuiltinModule('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(ownModuleUrl('./sample-syntax-worker.ts', import.meta.url), {
    workerData: { samples, shared, port: port2, chunk: CHUNK },
    transferList: [port2],
    // The main thread's stack (8 MB on Linux), on which sample-syntax.ts's length bound was measured.
    resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 8 },
    stdout: true,
    stderr: true,
  });
  // A thread that fails leaves its samples to this one (below); it must not end the process.
  worker.on('error', () => {});
  worker.unref();
  port1.unref();
  started.set(loaded, { samples, shared, port: port1, worker });
}

/** The first errors of the samples started for `loaded`, for syntaxErrors; undefined when none were started. */
export function takeSampleParsing(loaded: LoadedCatalog): KnownErrors | undefined {
  const early = started.get(loaded);
  if (!early) return undefined;
  started.delete(loaded);
  const { samples, shared, port } = early;
  const n = samples.length;
  const found: (FirstError | null | undefined)[] = new Array(n);
  // What the other thread has not claimed yet is parsed here.
  let mine = 0;
  for (let start = Atomics.add(shared, 0, CHUNK); start < n; start = Atomics.add(shared, 0, CHUNK)) {
    for (let i = start; i < Math.min(start + CHUNK, n); i++) found[i] = firstSyntaxError(...samples[i]!);
    mine += Math.min(CHUNK, n - start);
  }
  const deadline = performance.now() + CHUNK_WAIT_MS;
  for (let posted = Atomics.load(shared, 1); posted < n - mine && performance.now() < deadline; posted = Atomics.load(shared, 1)) {
    Atomics.wait(shared, 1, posted, Math.max(0, deadline - performance.now()));
  }
  const { receiveMessageOnPort } = process.getBuiltinModule('node:worker_threads');
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const [start, errors] = m.message as [number, (FirstError | null)[]];
    errors.forEach((e, k) => (found[start + k] = e));
  }
  stop(early);
  const byLang = { ts: new Map<string, FirstError | null>(), js: new Map<string, FirstError | null>() };
  samples.forEach(([lang, code], i) => byLang[lang].set(code, found[i] === undefined ? firstSyntaxError(lang, code) : found[i]!));
  return (lang, code) => byLang[lang].get(code);
}

/**
 * Whether a core is idle: else the other thread only takes turns with this one on the same
 * cores, and costs its start (at a load of 4 on 2 cores, 0.1 s more CPU time for 10,000
 * samples than parsing them here). The load average lags, but an error only costs time.
 */
function coreToSpare(): boolean {
  return spareCores().spare >= 1;
}

/** End a thread started for `loaded` that nothing took (the example rules did not run). */
export function stopSampleParsing(loaded: LoadedCatalog): void {
  const early = started.get(loaded);
  started.delete(loaded);
  if (early) stop(early);
}

function stop({ shared, port, worker }: Early): void {
  // Nothing more to claim, then the thread ended.
  Atomics.store(shared, 0, 0x3fffffff);
  port.close();
  void worker.terminate();
}

// Run an async task in a worker thread and wait for it synchronously, with a time and
// memory bound. The check is synchronous (one rule set for CLI, build and review), but the
// OpenAPI parser library is async; and a hostile OpenAPI document must not hang or
// exhaust the check: past the bound the worker is terminated and the caller told so.
// A task can also be started early with part of its input (startSync) and finished later
// with the rest: the worker starts and does what it can meanwhile, on another core.

export interface SyncLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export type SyncResult<O> = { ok: true; value: O } | { ok: false; error: string };

/** A task started with part of its input: `finish` hands the rest over and waits for the answer (call it once); `stop` ends it unanswered. */
export interface StartedSync<I, O> {
  finish(rest: Partial<I>): SyncResult<O>;
  stop(): void;
}

/** `workerUrl` is a module that calls `serveSync(handler)`. */
export function runSync<I, O>(workerUrl: URL, input: I, limits: SyncLimits): SyncResult<O> {
  return start<I, O>(workerUrl, input, limits, false).finish({});
}

/**
 * Start `workerUrl` on `input` now; the handler's `rest()` (serve-sync.ts) gives what
 * `finish` is called with. Until then the worker does not keep the process alive.
 */
export function startSync<I, O>(workerUrl: URL, input: Partial<I>, limits: SyncLimits): StartedSync<I, O> {
  return start<I, O>(workerUrl, input, limits, true);
}

function start<I, O>(workerUrl: URL, input: Partial<I>, limits: SyncLimits, staged: boolean): StartedSync<I, O> {
  // Loaded on first use: most checks never start a worker (about 10 ms of a cold start).
  const { MessageChannel, receiveMessageOnPort, Worker } = process.getBuiltinModule('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerUrl, {
    workerData: { input, port: port2, done, staged },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
    env: workerEnv(),
    stdout: true,
    stderr: true,
  });
  // A worker that runs out of memory emits 'error' once this thread's event loop runs
  // again, after the answer below is out: unhandled, it would end the process with a stack
  // trace. The answer has already said the worker gave up.
  worker.on('error', () => {});
  if (staged) {
    worker.unref();
    port1.unref();
  }
  const stop = () => {
    void worker.terminate();
    port1.close();
  };
  return {
    stop,
    finish(rest) {
      if (staged) port1.postMessage(rest);
      const waited = Atomics.wait(done, 0, 0, limits.timeoutMs);
      const message = receiveMessageOnPort(port1)?.message as SyncResult<O> | undefined;
      stop();
      if (message) return message;
      // A worker that died (out of memory) never answers: the wait runs out either way.
      void waited;
      return { ok: false, error: `gave up after ${limits.timeoutMs / 1000} s or ${limits.maxMemoryMb} MB of memory` };
    },
  };
}

/**
 * The worker's environment: this thread's, with the compile cache this thread uses (a
 * worker compiles its module anew otherwise: some 20 ms of a large worker bundle).
 */
function workerEnv(): NodeJS.ProcessEnv {
  const dir = process.getBuiltinModule('node:module').getCompileCacheDir?.();
  return dir === undefined || process.env.NODE_COMPILE_CACHE !== undefined ? process.env : { ...process.env, NODE_COMPILE_CACHE: dir };
}

// The worker side of run-sync.ts: run the handler on the input, post the result, wake the caller.
import { workerData } from 'node:worker_threads';
import type { SyncResult } from './run-sync.ts';

export async function serveSync<I, O>(handler: (input: I) => Promise<O>): Promise<void> {
  const { input, port, done } = workerData as { input: I; port: MessagePort; done: Int32Array };
  let result: SyncResult<O>;
  try {
    result = { ok: true, value: await handler(input) };
  } catch (err) {
    result = { ok: false, error: (err as Error).message ?? String(err) };
  }
  port.postMessage(result);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

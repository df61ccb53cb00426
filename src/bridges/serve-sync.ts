// The worker side of run-sync.ts: run the handler on the input, post the result, wake the caller.
// A task started early (startSync) gets the rest of its input from `rest()`, once the caller finishes it.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { SyncResult } from './run-sync.ts';

export async function serveSync<I, O>(handler: (input: I, rest: () => Promise<Partial<I>>) => Promise<O>): Promise<void> {
  const { input, port, done, staged } = workerData as { input: I; port: MessagePort; done: Int32Array; staged: boolean };
  // The caller's first message, which `finish` posts (listened for from the start: a message
  // that arrives with no listener is lost); the answer goes back on the same port.
  const later = staged ? new Promise<Partial<I>>((resolve) => port.once('message', resolve)) : Promise.resolve({});
  const rest = () => later;
  let result: SyncResult<O>;
  try {
    result = { ok: true, value: await handler(input, rest) };
  } catch (err) {
    result = { ok: false, error: (err as Error).message ?? String(err) };
  }
  port.postMessage(result);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

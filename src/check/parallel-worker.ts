// Worker: checks the chunks of code files parallel.ts gives it, claiming each from the
// counter it shares with the main thread, and posts each chunk's findings (PartFindings).
// A chunk it fails on is counted all the same: the main thread checks what it lacks.
import { workerData, type MessagePort } from 'node:worker_threads';
import { diskSource } from '../load/read.ts';
import type { CheckOptions } from '../rules/context.ts';
import { findingsOfFiles } from './incremental.ts';

const { dir, root, chunks, shared, port, options } = workerData as { dir: string; root: string; chunks: string[][]; shared: Int32Array; port: MessagePort; options: CheckOptions };
const source = diskSource(root);
// shared: [0] the next chunk to claim, [1] how many chunks this thread has finished.
for (let c = Atomics.add(shared, 0, 1); c < chunks.length; c = Atomics.add(shared, 0, 1)) {
  try {
    // Posted before it is counted: a count the main thread sees is in its queue.
    port.postMessage(findingsOfFiles(dir, source, chunks[c]!, options));
  } catch {
    // Left to the main thread.
  }
  Atomics.add(shared, 1, 1);
  Atomics.notify(shared, 1);
}
port.close();

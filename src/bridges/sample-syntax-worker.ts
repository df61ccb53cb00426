// Worker: parses the samples sample-syntax-early.ts gives it, a chunk at a time, claiming
// each chunk from the counter it shares with the main thread (which parses the chunks left
// when the rules need them), and posts each chunk's first errors as [start, errors].
import { workerData, type MessagePort } from 'node:worker_threads';
import { firstSyntaxError, type FirstError } from '../model/sample-first-error.ts';

const { samples, shared, port, chunk } = workerData as { samples: [lang: 'ts' | 'js', code: string][]; shared: Int32Array; port: MessagePort; chunk: number };
// shared: [0] the next sample to claim, [1] how many of this thread's samples are posted.
for (let start = Atomics.add(shared, 0, chunk); start < samples.length; start = Atomics.add(shared, 0, chunk)) {
  const found: (FirstError | null)[] = [];
  for (let i = start; i < Math.min(start + chunk, samples.length); i++) found.push(firstSyntaxError(...samples[i]!));
  // Posted before it is counted: a count the main thread sees is in its queue.
  port.postMessage([start, found]);
  Atomics.add(shared, 1, found.length);
  Atomics.notify(shared, 1);
}
port.close();

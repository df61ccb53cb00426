// Worker, started by the OpenAPI worker (openapi-worker.ts) for a large document: the
// OpenAPI schema's validation of the root file read as JSON, on the second core while the
// OpenAPI worker walks the same file (the two take about as long). It gets the file's bytes
// from the OpenAPI worker as they were read (moved, not copied) and parses them itself (a
// parsed document cannot be shared between threads, and copying one costs more than
// parsing it), and answers with the problems and the length of the text it validated; the
// OpenAPI worker uses the answer only where it would have validated that same text as it
// is (a JSON file in one piece, which this worker tells it), and validates itself when this
// worker fails or ran out of its bound.
import { parentPort } from 'node:worker_threads';
import { release } from '../load/release-bytes.ts';
import { parseJsonText } from '../load/json-parse.ts';
import { problemsOf, validateSchema, type DocProblem } from './openapi-schema.ts';
import { standalone } from './openapi-standalone.ts';

/**
 * The answer, for the text of `length` characters: whether it is a document in one piece
 * (openapi-standalone.ts: the worker validates such a one as it is, and bundles any other),
 * and then its problems; undefined when it is not JSON.
 */
export type ValidateOutput = { length: number; standalone: false } | { length: number; standalone: true; problems: DocProblem[] } | undefined;

async function validated(bytes: Uint8Array): Promise<ValidateOutput> {
  const read = parsed(bytes);
  if (!read) return undefined;
  // Told here, where the data is, so the worker need not look: it walks meanwhile.
  if (!standalone(read.value)) return { length: read.length, standalone: false };
  try {
    await validateSchema(read.value);
    return { length: read.length, standalone: true, problems: [] };
  } catch (err) {
    return { length: read.length, standalone: true, problems: problemsOf(err) };
  }
}

/** The file's data and its text's length (the text itself is not kept: it is the larger of the two). */
function parsed(bytes: Uint8Array): { length: number; value: unknown } | undefined {
  try {
    // Decoded as the worker decodes it (confined.ts).
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    release(bytes);
    return { length: text.length, value: parseJsonText(text) };
  } catch {
    return undefined;
  }
}

const bytes = await new Promise<Uint8Array>((resolve) => parentPort!.once('message', resolve));
parentPort!.postMessage(await validated(bytes));

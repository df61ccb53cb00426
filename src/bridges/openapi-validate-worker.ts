// Worker, started by the OpenAPI worker (openapi-worker.ts) for a large document: the
// OpenAPI schema's validation of the root file read as JSON, on the second core while the
// OpenAPI worker parses and walks the same file (the two take about as long). It reads the
// file itself (a parsed document cannot be shared between threads, and copying one costs
// more than parsing it) within the same confinement and size bound, and answers with the
// problems and the length of the text it validated; the OpenAPI worker uses the answer only
// where it would have validated that same text as it is (a JSON file in one piece), and
// validates itself when this worker fails or ran out of its bound.
import { parentPort, workerData } from 'node:worker_threads';
import { readConfined } from '../load/confined.ts';
import { problemsOf, validateSchema, type DocProblem } from './openapi-schema.ts';

export interface ValidateInput {
  path: string;
  root: string;
  maxBytes: number;
}

/** The answer: the problems of the text of `length` characters; none when it was not read, not JSON or not an OpenAPI document. */
export type ValidateOutput = { length: number; problems: DocProblem[] } | undefined;

async function validated(input: ValidateInput): Promise<ValidateOutput> {
  const read = parsed(input);
  // Only an OpenAPI document can be one the worker validates as it is (openapi-standalone.ts):
  // anything else is left to it, unvalidated here.
  const doc = read?.value as { openapi?: unknown } | null | undefined;
  if (!read || typeof doc !== 'object' || doc === null || Array.isArray(doc) || typeof doc.openapi !== 'string') return undefined;
  try {
    await validateSchema(read.value);
    return { length: read.length, problems: [] };
  } catch (err) {
    return { length: read.length, problems: problemsOf(err) };
  }
}

/** The file's data and its text's length (the text itself is not kept: it is the larger of the two). */
function parsed({ path, root, maxBytes }: ValidateInput): { length: number; value: unknown } | undefined {
  try {
    const text = readConfined(path, root, maxBytes);
    return { length: text.length, value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

parentPort!.postMessage(await validated(workerData as ValidateInput));

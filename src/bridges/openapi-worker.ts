// Worker: read an OpenAPI document and every file its $refs reach with swagger-parser,
// validate it, then walk the texts it read (openapi.ts: JSON.parse's data for JSON, js-yaml's
// for YAML, which also serves the validation; `yaml`'s positions where the two YAML parsers
// could differ) and hand back positioned findings. Everything that parses runs here,
// within the worker's time and memory bound. Reads only files under `root`, none larger
// than `maxBytes`, nested deeper than OPENAPI_LIMITS allows or, for YAML `yaml` must read,
// holding more values (readyText: no parser recursion depends on the stack size, no parse
// exhausts the heap), no URLs. A large JSON document is validated in a second thread
// (openapi-validate-worker.ts), which also tells whether it is in one piece, while this one
// walks it: the two take about as long.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readConfinedBytes } from '../load/confined.ts';
import { release } from '../load/release-bytes.ts';
import type { Diagnostic } from '../load/diagnostics.ts';
import { displayPath, position, textPosition } from '../load/load.ts';
// The schema validation of SwaggerParser.validate, without its dereferencing (see read).
import { problemsOf, validateSchema, type DocProblem } from './openapi-schema.ts';
import { standalone, yamlData } from './openapi-standalone.ts';
import { beginWalk, openapiLimits, parsedFiles, readyText, walkFiles, type OpenapiReadInput, type OpenapiReadOutput, type ReadText } from './openapi.ts';
import type { ValidateOutput } from './openapi-validate-worker.ts';
import { serveSync } from './serve-sync.ts';
import { spareCores } from './spare-cores.ts';
import { ownModuleUrl } from '../own-module.ts';

/**
 * From this size on, the root file's schema validation runs in a thread of its own
 * (validatingApart): it spares about 9 ms a megabyte (the validation's time, or the walk's)
 * and costs some 40 ms (the thread's start and parse before it can validate).
 */
const APART_FROM_BYTES = 4e6;


async function read(input: OpenapiReadInput, rest: () => Promise<Partial<OpenapiReadInput>>): Promise<OpenapiReadOutput> {
  const apart = validatingApart(input);
  try {
    return await readAndWalk(input, rest, apart);
  } finally {
    apart?.stop();
  }
}

async function readAndWalk(input: OpenapiReadInput, rest: () => Promise<Partial<OpenapiReadInput>>, apart: Apart | undefined): Promise<OpenapiReadOutput> {
  const files = new Map<string, ReadText>();
  const problems: DocProblem[] = [];
  /** Files refused by a bound, with why (swagger-parser would only say "Error reading file"). */
  const refused: { path: string; message: string }[] = [];
  const limits: Diagnostic[] = [];
  /** The texts read, by the path swagger-parser asks for: the root is read before it runs. */
  const texts = new Map<string, string>();
  const reader = {
    order: 1,
    canRead: true,
    read(file: { url: string }) {
      if (!file.url.startsWith('file:') && !file.url.startsWith('/')) throw new Error(`not a local file: ${file.url}`);
      if (files.size >= input.maxFiles) throw new Error(`more than ${input.maxFiles} files`);
      const path = file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url;
      const known = texts.get(path);
      if (known !== undefined) return known;
      let text: string;
      try {
        const bytes = readConfinedBytes(path, input.root, input.maxBytes);
        text = bytes.toString('utf8');
        // The root's bytes, no longer needed here, are the validating thread's to decode and parse.
        if (path === input.path && apart) apart.give(bytes);
        else release(bytes);
      } catch (err) {
        refused.push({ path, message: (err as Error).message });
        throw err;
      }
      const ready = readyText(text);
      if ('problem' in ready) {
        const tooLarge = ready.problem;
        limits.push({ file: displayPath(path), ...textPosition(text, tooLarge.at), severity: 'error', rule: 'openapi-file', message: tooLarge.message, hint: tooLarge.hint });
        refused.push({ path, message: tooLarge.message });
        throw new Error(tooLarge.message);
      }
      files.set(realpathSync(path), ready);
      texts.set(path, text);
      return text;
    },
  };
  try {
    reader.read({ url: input.path });
  } catch {
    // Refused: reported from `refused` below.
  }
  try {
    if (refused.length) throw new Error('refused');
    const read = files.get(input.path);
    // A .yaml/.yml file is one swagger-parser reads with its YAML parser alone.
    const root = read?.json ? read.json.value : read && /\.ya?ml$/i.test(input.path) ? (read.yaml ? read.yaml.value : yamlData(read.text)) : undefined;
    if (apart && read?.json) {
      // Validated (and told whether it is in one piece) by the other thread while this one walks it.
      const found = await walkedBeside(files, limits, input, rest, apart, read.json.value, read.text.length);
      if (found) return found;
    } else if (root !== undefined && standalone(root)) {
      // All in one file, every $ref resolving: bundle() would change nothing (openapi-standalone.ts).
      await validateSchema(root);
      return await walked(files, problems, limits, input, rest);
    }
    // validate() would dereference first, inlining a schema at every path that reaches
    // it: 31 schemas each `allOf` the next twice are 2^30 copies. bundle() keeps $refs
    // (external files pulled in once), and the OpenAPI schema accepts $refs where they
    // may stand, so validating the bundle is linear in the document's size. (validate()'s
    // other step, validateSpec, checks Swagger 2.0 only.)
    // Loaded only here: a document validated as parsed never needs it.
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const api = await new SwaggerParser().bundle(input.path, {
      resolve: { file: reader, http: false, external: true },
      timeoutMs: 20_000,
    } as never);
    await validateSchema(api);
  } catch (err) {
    if (refused.length) for (const r of refused) problems.push({ message: r.message });
    else problems.push(...problemsOf(err));
  }
  const rootRefused = refused.find((r) => r.path === input.path);
  if (rootRefused) return { unreadable: rootRefused.message, diagnostics: limits, declarations: [] };
  return walked(files, problems, limits, input, rest);
}

/** The walk, once the catalog is there: a read started early (startOpenapiRead) gets it only now. */
async function walked(files: Map<string, ReadText>, problems: { message: string; pointer?: string }[], limits: Diagnostic[], input: OpenapiReadInput, rest: () => Promise<Partial<OpenapiReadInput>>): Promise<OpenapiReadOutput> {
  const { catalog, codes } = { ...input, ...(await rest()) };
  const found = walkFiles(files, realpathSync(input.path), problems, catalog, codes);
  found.diagnostics.push(...limits);
  return found;
}

/**
 * The walk of a JSON file while another thread validates it, and its findings when the file
 * is in one piece (standalone); undefined when it is not, to be bundled and walked again
 * (the walk then follows $refs into the files the bundling reads). The other thread's
 * answer is used when it is of the same text; else, or when that thread failed, this one
 * tells and validates.
 */
async function walkedBeside(files: Map<string, ReadText>, limits: Diagnostic[], input: OpenapiReadInput, rest: () => Promise<Partial<OpenapiReadInput>>,
  apart: Apart, root: unknown, length: number): Promise<OpenapiReadOutput | undefined> {
  const { catalog, codes } = { ...input, ...(await rest()) };
  const parsed = parsedFiles(files);
  const rootReal = realpathSync(input.path);
  const finish = beginWalk(parsed, rootReal, catalog, codes);
  // The root's line index, where the problems are placed, made while the other thread validates.
  const rootFile = parsed.get(rootReal);
  if (rootFile) position(rootFile, 0);
  const told = await apart.answer;
  apart.stop();
  const answer = told?.length === length ? told : undefined;
  if (!(answer ? answer.standalone : standalone(root))) return undefined;
  let problems: DocProblem[] = [];
  if (answer?.standalone) problems = answer.problems;
  else {
    try {
      await validateSchema(root);
    } catch (err) {
      problems = problemsOf(err);
    }
  }
  const found = finish ? finish(problems) : { unreadable: problems[0]?.message ?? 'unknown error', diagnostics: [], declarations: [] };
  found.diagnostics.push(...limits);
  return found;
}

/** The validation running in its own thread (openapi-validate-worker.ts): its answer (undefined when it failed), and how to end it. */
interface Apart {
  answer: Promise<ValidateOutput>;
  /** Hand the root file's bytes over (moved, not copied: `bytes` is empty afterwards). */
  give(bytes: Buffer): void;
  stop(): void;
}

/**
 * Start validating the root file in another thread when it is large (the validation of a
 * small one takes less than starting a thread) and a core is free to run it, within the
 * same bounds as this one. On a busy machine the second thread only adds its start and
 * parse to the work, and its memory to the peak: the worker validates, as it does a small
 * document. ERRCAT_OPENAPI_APART=1 starts it wherever it may run (the tests that
 * compare both ways).
 */
function validatingApart(input: OpenapiReadInput): Apart | undefined {
  if (process.env.ERRCAT_OPENAPI_APART !== '1' && !aCoreIsFree()) return undefined;
  let size: number;
  try {
    const stat = statSync(input.path);
    size = stat.isFile() ? stat.size : 0;
  } catch {
    return undefined;
  }
  if (size < APART_FROM_BYTES || size > input.maxBytes || !opensAnObject(input.path)) return undefined;
  const worker = new Worker(ownModuleUrl('./openapi-validate-worker.ts', import.meta.url), {
    // A small young generation: what it parses lives on, and the peak memory of the whole
    // check counts both threads' (about 15 MB less than the default's, for a 13 MB document).
    resourceLimits: { maxOldGenerationSizeMb: openapiLimits(input.maxBytes / 1e6).maxMemoryMb, maxYoungGenerationSizeMb: 8 },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  const answer = new Promise<ValidateOutput>((resolve) => {
    worker.once('message', resolve);
    // Out of memory, or ended: this thread validates instead.
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return {
    answer,
    give: (bytes) => {
      // A buffer of its own (a large read's is) moves; a slice of a shared one is copied.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      worker.postMessage(bytes, own ? [bytes.buffer as ArrayBuffer] : []);
    },
    stop: () => void worker.terminate(),
  };
}

/** A second core, not fully used over the last minute (Windows reports no load: then by the cores alone). */
function aCoreIsFree(): boolean {
  const { cores, spare } = spareCores();
  return cores >= 2 && spare > 0;
}

/** Whether the file's first character past whitespace is `{`: a JSON document, not a YAML one (whose memory the second thread would only add to). */
function opensAnObject(path: string): boolean {
  const head = Buffer.alloc(4096);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, head.length, 0);
    return /^[ \t\r\n]*\{/.test(head.toString('latin1', 0, n));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

await serveSync(read);

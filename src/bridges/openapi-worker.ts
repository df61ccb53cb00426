// Worker: read an OpenAPI document and every file its $refs reach with swagger-parser,
// validate it, then walk the texts it read (openapi.ts: JSON.parse's data for JSON, js-yaml's
// for YAML, which also serves the validation; `yaml`'s positions where the two YAML parsers
// could differ) and hand back positioned findings. Everything that parses runs here,
// within the worker's time and memory bound. Reads only files under `root`, none larger
// than `maxBytes`, nested deeper than OPENAPI_LIMITS allows or, for YAML `yaml` must read,
// holding more values (readyText: no parser recursion depends on the stack size, no parse
// exhausts the heap), no URLs.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfined } from '../load/confined.ts';
import type { Diagnostic } from '../load/diagnostics.ts';
import { displayPath, textPosition } from '../load/load.ts';
// The schema validation of SwaggerParser.validate, without its dereferencing (see read).
import { validateSchema } from './openapi-schema.ts';
import { standalone, yamlData } from './openapi-standalone.ts';
import { readyText, walkFiles, type OpenapiReadInput, type OpenapiReadOutput, type ReadText } from './openapi.ts';
import { serveSync } from './serve-sync.ts';


async function read(input: OpenapiReadInput, rest: () => Promise<Partial<OpenapiReadInput>>): Promise<OpenapiReadOutput> {
  const files = new Map<string, ReadText>();
  const problems: { message: string; pointer?: string }[] = [];
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
        text = readConfined(path, input.root, input.maxBytes);
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
    if (root !== undefined && standalone(root)) {
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
    const details = (err as { details?: { instancePath?: string; message?: string; params?: unknown }[] }).details;
    if (refused.length) for (const r of refused) problems.push({ message: r.message });
    else if (Array.isArray(details) && details.length) {
      for (const d of details) problems.push({ message: `${d.message}${d.params ? ` ${JSON.stringify(d.params)}` : ''}`, pointer: d.instancePath });
    } else problems.push({ message: firstLine((err as Error).message) });
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

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim() ?? s;
}

await serveSync(read);

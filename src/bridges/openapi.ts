// OpenAPI in: compare the API's own OpenAPI document with the catalog. swagger-parser
// (in a bounded worker) reads the document and the files its $refs reach and validates
// it; this module walks the same texts (openapi-walk.ts: JSON.parse's data for a JSON file,
// js-yaml's for YAML `yaml` would read alike, else `yaml`'s positions parse), following
// $refs itself, so every finding points at a
// line and column of the file it is in:
// - a code in an error example or a code enum that the catalog lacks (error);
// - a response whose status is not the catalog's status for a code it shows (error);
// - a catalog code that no operation declares (warning; retired codes and codes without a code field excepted);
// - what a response states beside a code, against the catalog (openapi-compare.ts).
// The walk and the comparison of responses run in the worker, on its parsed nodes; only
// plain findings (diagnostics, placed declarations) come back.
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../load/diagnostics.ts';
import { displayPath, locate, position, type SourceFile } from '../load/load.ts';
import { statusesOf } from '../model/model.ts';
import { bodyShapesOf } from '../model/envelope.ts';
import { nestingPast } from '../load/parse.ts';
import type { CatalogFile, CodeFile } from '../model/schema.ts';
import { runSync, startSync, type StartedSync } from './run-sync.ts';
import { insideRoot } from '../load/confined.ts';
import { guessOpenapiSetting } from '../load/openapi-setting.ts';
import { closest } from '../load/suggest.ts';
import { responseDiagnostics } from './openapi-compare.ts';
import type { Declaration } from './openapi-declarations.ts';
import { offsetOf, parseJson, type DocFile } from './openapi-tree.ts';
import { walkableFile } from './openapi-yaml-node.ts';
import { readYaml, type YamlRead } from './openapi-yaml-read.ts';
import { Walker, type DocSource } from './openapi-walk.ts';
import type { DocProblem } from './openapi-schema.ts';
import { ownModuleUrl } from '../own-module.ts';

export const OPENAPI_LIMITS = {
  maxBytes: 10e6,
  maxFiles: 200,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
  /** Nesting a file may reach: in JSON, levels of brackets; in YAML, nestingPast's estimate (about 300 levels of indentation, 1,000 of brackets). */
  nesting: 1000,
  /** Values a YAML file `yaml`'s positions parse reads may hold (estimated from the text): its parse of millions exhausts the heap. JSON files, and YAML files walked on js-yaml's data, are bounded by their size alone. */
  nodes: 500_000,
};

/**
 * The bounds for files of up to `maxMb` MB (`--openapi-max-mb`; 10 by default). The heap
 * bound grows with it, about 50 times the file size (a 13 MB JSON document peaked at
 * 185 MiB for the whole check).
 */
export function openapiLimits(maxMb?: number): typeof OPENAPI_LIMITS {
  if (maxMb === undefined) return OPENAPI_LIMITS;
  return { ...OPENAPI_LIMITS, maxBytes: maxMb * 1e6, maxMemoryMb: Math.max(OPENAPI_LIMITS.maxMemoryMb, Math.ceil(maxMb * 51.2)) };
}

/** How to raise the size limit, for messages. */
export const RAISE_SIZE = 'raise the limit with --openapi-max-mb <n> (errcat check and errcat init)';

export interface OpenapiTarget {
  /** The document to read. */
  path: string;
  /** Nothing outside this directory is read. */
  root: string;
}

interface CodeInfo {
  data: CodeFile;
  file: SourceFile;
}

/** The document named by `--openapi` (relative to the working directory) or by catalog.yaml's `openapi` (relative to the catalog, inside its parent). */
export function openapiTarget(dir: string, catalog: CatalogFile | undefined, cliPath?: string): OpenapiTarget | undefined {
  if (cliPath !== undefined) {
    const path = resolve(cliPath);
    return { path, root: insideRoot(path, process.cwd()) ? process.cwd() : dirname(path) };
  }
  if (catalog?.openapi === undefined) return undefined;
  return { path: resolve(dir, catalog.openapi), root: dirname(resolve(dir)) };
}

export function openapiDiagnostics(
  target: OpenapiTarget,
  catalog: CatalogFile,
  catalogFile: SourceFile,
  codes: CodeInfo[],
  fromSetting: boolean,
  maxMb?: number,
): Diagnostic[] {
  const limits = openapiLimits(maxMb);
  const out: Diagnostic[] = [];
  const settingAt = fromSetting ? locate(catalogFile, ['openapi']) : { line: 1, col: 1 };
  const fileProblem = (message: string, hint: string) =>
    out.push({ file: catalogFile.path, ...settingAt, severity: 'error', rule: 'openapi-file', message, hint });
  let rootReal: string;
  try {
    rootReal = realpathSync(target.path);
  } catch {
    fileProblem(`OpenAPI document ${displayPath(target.path)} not found`, 'point `openapi` (or --openapi) at the API\'s OpenAPI document');
    return out;
  }
  if (!insideRoot(rootReal, realpathSync(target.root))) {
    fileProblem(`OpenAPI document ${displayPath(target.path)} is outside ${displayPath(target.root)}`,
      'the document must live in the repository that holds the catalog (the catalog\'s parent directory)');
    return out;
  }
  // Parsing (twice: swagger-parser's and the walk's own) and walking all happen
  // in the bounded worker: a document that would exhaust the heap or the time ends there.
  const document = { path: rootReal, root: realpathSync(target.root), maxBytes: limits.maxBytes, maxFiles: limits.maxFiles };
  const rest = { catalog, codes: codes.map((c) => c.data) };
  const early = takeStarted(document);
  const result = early ? early.finish(rest) : runSync<OpenapiReadInput, OpenapiReadOutput>(ownModuleUrl('./openapi-worker.ts', import.meta.url), { ...document, ...rest }, limits);
  if (!result.ok) {
    fileProblem(`OpenAPI document ${displayPath(target.path)} could not be read: ${result.error}`,
      `the check reads a document within ${limits.timeoutMs / 1000} s and ${limits.maxMemoryMb} MB of memory (the memory bound grows with --openapi-max-mb): make it smaller or simpler`);
    return out;
  }
  const { unreadable, diagnostics, declarations } = result.value;
  if (unreadable !== undefined) {
    if (diagnostics.length) out.push(...diagnostics);
    else {
      fileProblem(`OpenAPI document ${displayPath(target.path)} could not be read: ${unreadable}`,
        /over the .* limit/.test(unreadable) ? `${RAISE_SIZE}, e.g. --openapi-max-mb ${suggestedMb(unreadable)}; or split the document into files joined by $ref (each up to ${limits.maxBytes / 1e6} MB)`
          : 'fix the document so an OpenAPI parser can read it');
    }
    return out;
  }
  out.push(...diagnostics);
  driftDiagnostics(declarations, codes, catalog, out, displayPath(target.path));
  return out;
}

/** Reads started before the catalog was checked (startOpenapiRead), by their document and bounds. */
const started = new Map<string, StartedSync<OpenapiReadInput, OpenapiReadOutput>>();

/**
 * Start reading the document `--openapi` names (`cliPath`) now, in its worker, while this
 * thread checks the catalog: its start, parse and validation then overlap the check (the
 * walk waits for the catalog). openapiDiagnostics takes it over when it reads the same
 * document within the same bounds; stopStartedReads ends what it did not take.
 */
export function startOpenapiRead(cliPath: string, maxMb?: number): void {
  startRead(openapiTarget('.', undefined, cliPath)!, maxMb);
}

/**
 * startOpenapiRead for the document catalog.yaml's `openapi` names, as guessed from its
 * text (guessOpenapiSetting): the target is the one openapiTarget gives for that setting, so
 * the check takes the read over only when the loaded catalog names the same document.
 * True when a read was started.
 */
export function startSettingRead(dir: string, maxMb?: number): boolean {
  const setting = guessOpenapiSetting(dir);
  return setting !== undefined && startRead(openapiTarget(dir, { openapi: setting } as CatalogFile)!, maxMb);
}

function startRead(target: OpenapiTarget, maxMb?: number): boolean {
  const limits = openapiLimits(maxMb);
  let document: Pick<OpenapiReadInput, 'path' | 'root' | 'maxBytes' | 'maxFiles'>;
  try {
    const rootReal = realpathSync(target.path);
    const root = realpathSync(target.root);
    // Only a document the check will read: it reports the others without reading them.
    if (!insideRoot(rootReal, root)) return false;
    document = { path: rootReal, root, maxBytes: limits.maxBytes, maxFiles: limits.maxFiles };
  } catch {
    return false;
  }
  const key = JSON.stringify(document);
  if (!started.has(key)) started.set(key, startSync<OpenapiReadInput, OpenapiReadOutput>(ownModuleUrl('./openapi-worker.ts', import.meta.url), document, limits));
  return true;
}

function takeStarted(document: Pick<OpenapiReadInput, 'path' | 'root' | 'maxBytes' | 'maxFiles'>): StartedSync<OpenapiReadInput, OpenapiReadOutput> | undefined {
  const key = JSON.stringify(document);
  const read = started.get(key);
  started.delete(key);
  return read;
}

/** End the reads started early that no check took (the catalog could not be read, or named none, or another document); how many. */
export function stopStartedReads(): number {
  const count = started.size;
  for (const read of started.values()) read.stop();
  started.clear();
  return count;
}

/** What the worker (openapi-worker.ts) is given: the document, its confinement and bounds. */
export interface OpenapiReadInput {
  path: string;
  root: string;
  maxBytes: number;
  maxFiles: number;
  catalog: CatalogFile;
  /** The catalog's codes, which the document's responses are compared with (none for init, which only reads codes). */
  codes?: CodeFile[];
}
export type OpenapiReadOutput = OpenapiFindings;

/** What the worker found in the document's files, positioned, as plain data. */
export interface OpenapiFindings {
  /** Why the document itself was not read (then `diagnostics` may say where). */
  unreadable?: string;
  /** Syntax, validation, $ref and limit problems in the document's files. */
  diagnostics: Diagnostic[];
  declarations: PlacedDeclaration[];
}

/** A Declaration with its place resolved; `at` is the same node reached twice. */
type PlacedDeclaration = Pick<Declaration, 'code' | 'where' | 'operation' | 'status' | 'kind' | 'shared'> & { file: string; line: number; col: number; at: string };

/** A file the worker read: its text, and its data when it is JSON or YAML js-yaml reads (see readyText). */
export interface ReadText {
  text: string;
  json?: ReturnType<typeof parseJson>;
  yaml?: YamlRead;
}

/** Walk the files the worker read (by real path) from the root document. */
export function walkFiles(files: Map<string, ReadText>, rootReal: string, problems: DocProblem[], catalog: CatalogFile, codes?: CodeFile[]): OpenapiFindings {
  return walkDocs(parsedFiles(files), rootReal, problems, catalog, codes);
}

/** The files the worker read, parsed for the walk. */
export function parsedFiles(files: Map<string, ReadText>): Map<string, DocFile> {
  const parsed = new Map<string, DocFile>();
  for (const [real, { text, json, yaml }] of files) parsed.set(real, walkableFile(displayPath(real), text, json, yaml, yamlShapeProblem));
  return parsed;
}

/** walkFiles on files already parsed (by real path): the same findings from either parse. */
export function walkDocs(parsed: Map<string, DocFile>, rootReal: string, problems: DocProblem[], catalog: CatalogFile, codes?: CodeFile[]): OpenapiFindings {
  const walked = beginWalk(parsed, rootReal, catalog, codes);
  return walked ? walked(problems) : { unreadable: problems[0]?.message ?? 'unknown error', diagnostics: [], declarations: [] };
}

/**
 * The walk now, with all that does not depend on the validation (the comparison with the
 * catalog, each finding's line and column), and the rest (the validation's problems, placed
 * at their nodes) once they are known: a document validated in another thread is walked
 * meanwhile. Undefined when the root was not read.
 */
export function beginWalk(parsed: Map<string, DocFile>, rootReal: string, catalog: CatalogFile, codes?: CodeFile[]): ((problems: DocProblem[]) => OpenapiFindings) | undefined {
  const root = parsed.get(rootReal);
  if (!root) return undefined;
  const diagnostics: Diagnostic[] = [];
  const reportTo = (list: Diagnostic[]) => (file: DocFile, offset: number, severity: Diagnostic['severity'], rule: Diagnostic['rule'], message: string, hint: string) =>
    list.push({ file: file.path, ...position(file, offset), severity, rule, message, hint });
  const report = reportTo(diagnostics);

  for (const err of root.doc?.errors ?? []) report(root, err.pos[0], 'error', 'openapi-valid', err.message.split('\n')[0]!, 'fix the YAML/JSON syntax');
  const walker = new Walker(mapSource(parsed), catalog, report);
  // The walk comes first: a $ref it reports is not reported again from the validator's list.
  const declarations = walker.operations(root);
  // Compared here, on the walk's nodes: only the findings leave the worker. Listed after the problems.
  const compared: Diagnostic[] = [];
  if (codes) responseDiagnostics(declarations, walker.bare, catalog, codes, reportTo(compared));
  const placed = declarations.map(({ code, where, operation, status, kind, shared, file, node }) => {
    const offset = offsetOf(node);
    return { code, where, operation, status, kind, shared, file: file.path, ...position(file, offset), at: `${file.path}:${offset}` };
  });
  return (problems) => {
    for (const p of problems) {
      if (walker.refProblems > 0 && /\$ref|resolv|outside|not a local file/i.test(p.message)) continue; // already reported at the $ref
      const node = p.pointer ? walker.pointer(root, p.pointer)?.node : undefined;
      report(root, node ? offsetOf(node) : 0, 'warning', 'openapi-valid', `OpenAPI document: ${p.pointer ? `${p.pointer} ` : ''}${p.message}`,
        /over the .* limit/.test(p.message) ? `a file it $refs is too large: ${RAISE_SIZE}, e.g. --openapi-max-mb ${suggestedMb(p.message)}`
          : 'fix the document so OpenAPI tools (generators, validators) read it as intended');
    }
    return { diagnostics: [...diagnostics, ...compared], declarations: placed };
  };
}

function driftDiagnostics(declarations: PlacedDeclaration[], codes: CodeInfo[], catalog: CatalogFile, out: Diagnostic[], docName: string) {
  const report = (d: PlacedDeclaration, rule: Diagnostic['rule'], message: string, hint: string) =>
    out.push({ file: d.file, line: d.line, col: d.col, severity: 'error', rule, message, hint });
  const byCode = new Map(codes.map((c) => [c.data.code, c]));
  const seen = new Set<string>();
  for (const d of declarations) {
    const code = byCode.get(d.code);
    // A node reached through several operations is reported once (per status, for status drift).
    const key = `${d.at}${code ? `:${d.status}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!code) {
      const guess = closest(d.code, byCode.keys(), 1)[0];
      report(d, 'openapi-unknown-code', `${d.where} ${d.kind === 'enum' ? 'lists' : 'shows'} code "${d.code}", which the catalog does not have`,
        guess ? `did you mean "${guess}"? Otherwise add codes/${d.code}.yaml to the catalog` : `add codes/${d.code}.yaml to the catalog, or fix the code`);
      continue;
    }
    if (d.shared) continue;
    const statuses = statusesOf(code.data);
    if (!statusMatches(d.status, statuses)) {
      const where = d.where.startsWith(d.operation) ? d.where : `${d.where} (under ${d.operation})`;
      report(d, 'openapi-status', `${where} ${d.kind === 'enum' ? 'lists' : 'shows'} "${d.code}", which the catalog returns with ${statuses.join(', ')}`,
        `declare it under ${statuses.join(' or ')}, or give the code status ${d.status} in ${code.file.path}`);
    }
  }
  const declared = new Set(declarations.map((d) => d.code));
  for (const c of codes) {
    if (declared.has(c.data.code) || c.data.lifecycle?.state === 'retired') continue;
    // A body without a code field cannot name its code: no document can declare it.
    if (!bodyShapesOf(c.data, catalog).some((s) => s.code_field)) continue;
    const at = locate(c.file, ['code']);
    out.push({ file: c.file.path, ...at, severity: 'warning', rule: 'openapi-undeclared',
      message: `no operation in ${docName} declares "${c.data.code}"`,
      hint: `add an example with this code to the responses that return it (${statusesOf(c.data).join(', ')}), or retire the code` });
  }
}

/** A limit above the size a message names (`is 12.9 MB, over the 10 MB limit`): the next multiple of 5. */
function suggestedMb(message: string): number {
  const size = Number(/is ([\d.]+) MB/.exec(message)?.[1] ?? 0);
  return Math.min(100, Math.max(5, Math.ceil(size / 5) * 5 + (size % 5 === 0 ? 5 : 0)));
}

/** `404` matches 404, `4XX` any 4xx, `default` anything. */
function statusMatches(key: string, statuses: number[]): boolean {
  if (key === 'default') return true;
  if (/^[1-5]XX$/i.test(key)) return statuses.some((s) => String(s)[0] === key[0]);
  return statuses.includes(Number(key));
}

function mapSource(files: Map<string, DocFile>): DocSource {
  const keys = new Map([...files].map(([real, f]) => [f, real]));
  return {
    resolve(from, rel) {
      try {
        return files.get(realpathSync(join(dirname(keys.get(from)!), rel)));
      } catch {
        return undefined;
      }
    },
  };
}

/** Why a file's text is refused (too deep before any parser; a YAML file with too many values), at which offset. */
export type ShapeProblem = { at: number; message: string; hint: string };

/**
 * A file's text made ready for the walk, or why it is refused. JSON (without duplicate
 * keys, brackets nested within the bound) is parsed, at any number of values within the
 * size limit. YAML is read by js-yaml (openapi-yaml-read.ts), which bounds its own nesting;
 * a file walked on that data (`exact`) is, like JSON, bounded by its size alone. Any other
 * file is bounded in nesting (estimated from indentation, brackets and indicators) and in
 * values before `yaml`'s positions parse reads it (yamlShapeProblem).
 */
export function readyText(text: string): { problem: ShapeProblem } | ReadText {
  const json = parseJson(text, OPENAPI_LIMITS.nesting);
  if (json) return { text, json };
  // Read once: its data serves the validation, and the walk when it may. Past the values
  // bound, a file the walk could not read this way is given up (its bound is reported).
  const yaml = readYaml(text, OPENAPI_LIMITS.nodes);
  if (yaml?.exact) return { text, yaml };
  const problem = yamlShapeProblem(text);
  if (problem) return { problem };
  return yaml ? { text, yaml } : { text };
}

/** Why `yaml`'s positions parse may not read the text: too deep, or too many values (estimated). */
export function yamlShapeProblem(text: string): ShapeProblem | undefined {
  const deep = nestingPast(text, OPENAPI_LIMITS.nesting);
  if (deep !== undefined) {
    return { at: deep, message: `nesting deeper than ${OPENAPI_LIMITS.nesting} levels (counting indentation, brackets and indicators): not read`,
      hint: 'an OpenAPI document is a few dozen levels deep: flatten this structure or move it behind a $ref' };
  }
  const many = nodesPast(text, OPENAPI_LIMITS.nodes);
  if (many !== undefined) {
    return { at: many, message: `more than ${OPENAPI_LIMITS.nodes.toLocaleString('en-US')} values in a YAML file (counting separators and indicators): not read`,
      hint: 'the limit is fixed (the positions parse needs memory for each value): write the document as JSON (bounded by its size alone), or split it into files joined by $ref' };
  }
  return undefined;
}

/**
 * Where the text passes `max` values, or undefined: an upper estimate from the text alone
 * (flow separators and openers, `key: ` and `- ` indicators), so a document of millions of
 * tiny values is refused before a parser builds a node for each.
 */
function nodesPast(text: string, max: number): number | undefined {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    // , [ {   or  ': ' '- ' (a space, newline or end after the indicator)
    if (c === 44 || c === 91 || c === 123 || ((c === 58 || c === 45) && (next === 32 || next === 10 || next === 13 || Number.isNaN(next)))) {
      if (++count > max) return i;
    }
  }
  return undefined;
}

/** Every code an operation's response declares as its own (not a shared enum): `GET /orders 404 order_not_found`. */
export function declaredCodes(root: DocFile, source: DocSource, catalog: CatalogFile): Set<string> {
  const walker = new Walker(source, catalog, () => {});
  return new Set(walker.operations(root).filter((d) => !d.shared).map((d) => `${d.operation} ${d.code}`));
}

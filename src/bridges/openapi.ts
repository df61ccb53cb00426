// OpenAPI in: compare the API's own OpenAPI document with the catalog. swagger-parser
// (in a bounded worker) reads the document and the files its $refs reach and validates
// it; this module walks the same texts with `yaml` positions, following $refs itself, so
// every finding points at a line and column of the file it is in:
// - a code in an error example or a code enum that the catalog lacks (error);
// - a response whose status is not the catalog's status for a code it shows (error);
// - a catalog code that no operation declares (warning; retired codes and codes without a code field excepted);
// - what a response states beside a code, against the catalog (openapi-compare.ts).
// The walk and the comparison of responses run in the worker, on its `yaml` nodes; only
// plain findings (diagnostics, placed declarations) come back.
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type Scalar } from 'yaml';
import type { Diagnostic } from '../load/diagnostics.ts';
import { displayPath, locate, position, type SourceFile } from '../load/load.ts';
import { statusesOf } from '../model/model.ts';
import { bodyShapesOf } from '../model/envelope.ts';
import { nestingPast } from '../load/parse.ts';
import type { CatalogFile, CodeFile } from '../model/schema.ts';
import { runSync } from './run-sync.ts';
import { insideRoot } from '../load/confined.ts';
import { closest } from '../load/suggest.ts';
import { responseDiagnostics } from './openapi-compare.ts';
import type { BareOperation, Declaration, Loc, ResponseFacts } from './openapi-declarations.ts';
import { ownModuleUrl } from '../own-module.ts';

export const OPENAPI_LIMITS = {
  maxBytes: 10e6,
  maxFiles: 200,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
  /** Nesting estimate (nestingPast) a file may reach: about 300 levels of indented JSON, 1,000 of brackets. */
  nesting: 1000,
  /** Values one file may hold (estimated from the text): `yaml`'s positions parse of millions exhausts the heap. */
  nodes: 500_000,
};
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const MAX_DEPTH = 64;
/** RFC 9457 members an example or schema may state beside the code. */
const PROBLEM_MEMBERS = ['type', 'title', 'status', 'instance', 'doc_url', 'docs_url'];

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
): Diagnostic[] {
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
  // Parsing (twice: swagger-parser's and `yaml`'s with positions) and walking all happen
  // in the bounded worker: a document that would exhaust the heap or the time ends there.
  const result = runSync<OpenapiReadInput, OpenapiReadOutput>(
    ownModuleUrl('./openapi-worker.ts', import.meta.url),
    { path: rootReal, root: realpathSync(target.root), maxBytes: OPENAPI_LIMITS.maxBytes, maxFiles: OPENAPI_LIMITS.maxFiles, catalog, codes: codes.map((c) => c.data) },
    OPENAPI_LIMITS,
  );
  if (!result.ok) {
    fileProblem(`OpenAPI document ${displayPath(target.path)} could not be read: ${result.error}`,
      `the check reads a document within ${OPENAPI_LIMITS.timeoutMs / 1000} s and ${OPENAPI_LIMITS.maxMemoryMb} MB of memory (fixed limits): make it smaller or simpler`);
    return out;
  }
  const { unreadable, diagnostics, declarations } = result.value;
  if (unreadable !== undefined) {
    if (diagnostics.length) out.push(...diagnostics);
    else {
      fileProblem(`OpenAPI document ${displayPath(target.path)} could not be read: ${unreadable}`,
        /over the .* limit/.test(unreadable) ? `the limit is fixed: split the document into files joined by $ref (each up to ${OPENAPI_LIMITS.maxBytes / 1e6} MB)`
          : 'fix the document so an OpenAPI parser can read it');
    }
    return out;
  }
  out.push(...diagnostics);
  driftDiagnostics(declarations, codes, catalog, out, displayPath(target.path));
  return out;
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

/** Walk the files the worker read (real path -> text) from the root document. */
export function walkFiles(files: Record<string, string>, rootReal: string, problems: { message: string; pointer?: string }[], catalog: CatalogFile, codes?: CodeFile[]): OpenapiFindings {
  const parsed = new Map<string, SourceFile>();
  for (const [real, text] of Object.entries(files)) parsed.set(real, docFile(displayPath(real), text));
  const root = parsed.get(rootReal);
  if (!root) return { unreadable: problems[0]?.message ?? 'unknown error', diagnostics: [], declarations: [] };
  const diagnostics: Diagnostic[] = [];
  const report = (file: SourceFile, offset: number, severity: Diagnostic['severity'], rule: Diagnostic['rule'], message: string, hint: string) =>
    diagnostics.push({ file: file.path, ...position(file, offset), severity, rule, message, hint });

  for (const err of root.doc!.errors) report(root, err.pos[0], 'error', 'openapi-valid', err.message.split('\n')[0]!, 'fix the YAML/JSON syntax');
  const walker = new Walker(mapSource(parsed), catalog, report);
  // The walk comes first: a $ref it reports is not reported again from the validator's list.
  const declarations = walker.operations(root);
  for (const p of problems) {
    if (walker.refProblems > 0 && /\$ref|resolv|outside|not a local file/i.test(p.message)) continue; // already reported at the $ref
    const node = p.pointer ? walker.pointer(root, p.pointer)?.node : undefined;
    report(root, node?.range?.[0] ?? 0, 'warning', 'openapi-valid', `OpenAPI document: ${p.pointer ? `${p.pointer} ` : ''}${p.message}`,
      'fix the document so OpenAPI tools (generators, validators) read it as intended');
  }
  // Compared here, on the walk's nodes: only the findings leave the worker.
  if (codes) responseDiagnostics(declarations, walker.bare, catalog, codes, report);
  const placed = declarations.map(({ code, where, operation, status, kind, shared, file, offset }) =>
    ({ code, where, operation, status, kind, shared, file: file.path, ...position(file, offset), at: `${file.path}:${offset}` }));
  return { diagnostics, declarations: placed };
}

type ReportAt = (file: SourceFile, offset: number, severity: Diagnostic['severity'], rule: Diagnostic['rule'], message: string, hint: string) => void;

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

/** `404` matches 404, `4XX` any 4xx, `default` anything. */
function statusMatches(key: string, statuses: number[]): boolean {
  if (key === 'default') return true;
  if (/^[1-5]XX$/i.test(key)) return statuses.some((s) => String(s)[0] === key[0]);
  return statuses.includes(Number(key));
}

/** Where the walker finds the files `$ref`s name: those the worker read, or a git revision's. */
export interface DocSource {
  /** The file a relative reference from `from` names, parsed, if it may be read. */
  resolve(from: SourceFile, relative: string): SourceFile | undefined;
}

function mapSource(files: Map<string, SourceFile>): DocSource {
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

/** Why a file's text is refused before any parser (too deep, too many values), at which offset. */
export function shapeProblem(text: string): { at: number; message: string; hint: string } | undefined {
  const deep = nestingPast(text, OPENAPI_LIMITS.nesting);
  if (deep !== undefined) {
    return { at: deep, message: `nesting deeper than ${OPENAPI_LIMITS.nesting} levels (counting indentation, brackets and indicators): not read`,
      hint: 'an OpenAPI document is a few dozen levels deep: flatten this structure or move it behind a $ref' };
  }
  const many = nodesPast(text, OPENAPI_LIMITS.nodes);
  if (many !== undefined) {
    return { at: many, message: `more than ${OPENAPI_LIMITS.nodes.toLocaleString('en-US')} values (counting separators and indicators): not read`,
      hint: 'the limit is fixed (the positions parse needs memory for each value): split the document into files joined by $ref' };
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

/** A parsed file of an OpenAPI document; positions come from `yaml` (JSON is YAML). */
export function docFile(path: string, text: string): SourceFile {
  return { path, text, data: undefined, doc: parseDocument(text, { prettyErrors: false }) };
}

/** Every code an operation's response declares as its own (not a shared enum): `GET /orders 404 order_not_found`. */
export function declaredCodes(root: SourceFile, source: DocSource, catalog: CatalogFile): Set<string> {
  const walker = new Walker(source, catalog, () => {});
  return new Set(walker.operations(root).filter((d) => !d.shared).map((d) => `${d.operation} ${d.code}`));
}

/** A code an enum lists, wherever the schema walk found it. */
interface Found {
  code: string;
  file: SourceFile;
  offset: number;
  shared: boolean;
  /** The schema marks it deprecated. */
  deprecated: boolean;
  /** The innermost $ref'd schema on the way to it (`schema "#/components/schemas/Error"`), for messages. */
  label?: string;
  /** Its schema states this one value (a `const`, a one-value enum): the members beside it state the rest. */
  single: boolean;
  /** For a single value, the `properties` it is one of: the members beside it are read there. */
  parent?: Loc;
}

class Walker {
  refProblems = 0;
  /** Operations with no error response at all. */
  bare: BareOperation[] = [];
  private schemaMemo = new Map<string, Map<Node, Found[]>>();
  private codeFields: string[][];
  private reported = new Set<string>();
  private source: DocSource;
  /** The operation and status being walked (`GET /orders 404`), and the response's facts. */
  private operation = '';
  private facts!: ResponseFacts;
  private report: ReportAt;
  constructor(source: DocSource, catalog: CatalogFile, report: ReportAt) {
    this.source = source;
    this.report = report;
    const fields = [catalog.envelope, ...(catalog.shapes ?? [])].map((s) => s.code_field).filter((f): f is string => !!f);
    this.codeFields = [...new Set(fields)].map((f) => f.split('.'));
    const shapes = [catalog.envelope, ...(catalog.shapes ?? [])];
    const named = shapes.flatMap((s) => [s.docs_url_field, s.status_field]).filter((f): f is string => !!f);
    this.memberPaths = [...new Set([...PROBLEM_MEMBERS, ...named])];
  }
  private memberPaths: string[];

  /** An example body's members at the paths the comparison reads. */
  private exampleMembers(body: Loc | undefined): Map<string, Loc> {
    const out = new Map<string, Loc>();
    for (const path of this.memberPaths) {
      const loc = this.valuesAt(body, path.split('.'))[0];
      if (loc && isScalar(loc.node)) out.set(path, loc);
    }
    return out;
  }

  /** A schema's top-level `properties` that are a `const` (or a one-value enum). */
  private schemaMembers(props: Loc | undefined): Map<string, Loc> {
    const out = new Map<string, Loc>();
    for (const path of props ? this.memberPaths.filter((p) => !p.includes('.')) : []) {
      const prop = this.deref(this.child(props!, path));
      const value = prop && this.child(prop, 'const');
      const list = prop && this.child(prop, 'enum');
      if (value && isScalar(value.node)) out.set(path, value);
      else if (list && isSeq(list.node) && list.node.items.length === 1) {
        const only = this.at(list.file, list.node.items[0]);
        if (only && isScalar(only.node)) out.set(path, only);
      }
    }
    return out;
  }

  /** The node at a JSON pointer in a file. */
  pointer(file: SourceFile, pointer: string): Loc | undefined {
    let node: unknown = file.doc!.contents;
    if (pointer !== '' && !pointer.startsWith('/')) return undefined;
    for (const raw of pointer.split('/').slice(1)) {
      const decoded = decodeUri(raw);
      if (decoded === undefined) return undefined;
      const token = decoded.replace(/~1/g, '/').replace(/~0/g, '~');
      if (isMap(node)) node = unalias(file, node.get(token, true));
      else if (isSeq(node)) node = unalias(file, node.items[Number(token)]);
      else return undefined;
    }
    return isNodeLike(node) ? { file, node: node as Node } : undefined;
  }

  /** Follow `$ref`s until a node that is not one. */
  deref(loc: Loc | undefined): Loc | undefined {
    const start = loc && refOf(loc.node);
    for (let i = 0; loc && i < MAX_DEPTH; i++) {
      const ref = refOf(loc.node);
      if (!ref) return loc;
      const next = this.follow(loc.file, String(ref.value));
      if (!next) {
        if (decodeUri(String(ref.value)) === undefined) {
          this.refProblem(loc.file, ref, `$ref "${ref.value}" does not resolve: it has a malformed %-escape`, 'write a literal % as %25; %-escapes must encode UTF-8');
        } else {
          this.refProblem(loc.file, ref, `$ref "${ref.value}" does not resolve to a file the check read`,
            'refs must point at files inside the repository (no URLs), and at existing JSON pointers');
        }
        return undefined;
      }
      loc = next;
    }
    if (loc && start) this.refProblem(loc.file, start, `$ref "${start.value}" does not resolve: it loops`, 'point the $ref at an object');
    return undefined;
  }

  private follow(from: SourceFile, ref: string): Loc | undefined {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    let file: SourceFile | undefined = from;
    if (filePart) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined;
      const name = decodeUri(filePart);
      file = name === undefined ? undefined : this.source.resolve(from, name);
      if (!file) return undefined;
    }
    return this.pointer(file, pointer);
  }

  private refProblem(file: SourceFile, node: Node, message: string, hint: string) {
    const key = `${file.path}:${node.range?.[0]}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.refProblems++;
    this.report(file, node.range?.[0] ?? 0, 'error', 'openapi-ref', message, hint);
  }

  /** Every code declared by an operation's responses. */
  operations(root: SourceFile): Declaration[] {
    const out: Declaration[] = [];
    const paths = this.deref(this.pointer(root, '/paths'));
    if (!paths || !isMap(paths.node)) return out;
    for (const pair of paths.node.items) {
      const route = isScalar(pair.key) ? String(pair.key.value) : '?';
      const item = this.deref(this.at(paths.file, pair.value));
      if (!item || !isMap(item.node)) continue;
      for (const method of METHODS) {
        const op = this.deref(this.child(item, method));
        const responsesAt = op && this.child(op, 'responses');
        const responses = this.deref(responsesAt);
        if (!responses || !isMap(responses.node)) continue;
        const operation = `${method.toUpperCase()} ${route}`;
        const opDeprecated = marked(op!);
        let errors = 0;
        for (const r of responses.node.items) {
          const status = isScalar(r.key) ? String(r.key.value) : '?';
          if (/^[45]|^default$/i.test(status)) errors++;
          const at = this.at(responses.file, r.value);
          const response = this.deref(at);
          // A response $ref'd from elsewhere is shared: its findings are labelled with it, not with whichever operation reached it first.
          const ref = at && refOf(at.node);
          const where = ref ? `response "${ref.value}"` : `${operation} ${status}`;
          if (response) this.response(response, where, `${operation} ${status}`, status, opDeprecated, out);
        }
        if (errors === 0) this.bare.push({ at: responsesAt!, operation });
      }
    }
    return out;
  }

  private response(response: Loc, where: string, operation: string, status: string, deprecated: boolean, out: Declaration[]) {
    this.operation = operation;
    const headers = new Set<string>();
    const headerMap = this.deref(this.child(response, 'headers'));
    if (headerMap && isMap(headerMap.node)) for (const h of headerMap.node.items) if (isScalar(h.key)) headers.add(String(h.key.value).toLowerCase());
    const content = this.deref(this.child(response, 'content'));
    if (!content || !isMap(content.node)) return;
    const medias = content.node.items.map((m) => bareMedia(String(isScalar(m.key) ? m.key.value : '')));
    for (const m of content.node.items) {
      const media = this.deref(this.at(content.file, m.value));
      if (!media || !isScalar(m.key)) continue;
      const facts = (exampleMarked: boolean): ResponseFacts => ({
        media: bareMedia(String((m.key as Scalar).value)), medias, mediaAt: { file: content.file, node: m.key as Node }, headers, deprecated: deprecated || marked(response) || exampleMarked,
      });
      this.facts = facts(false);
      const example = this.child(media, 'example');
      if (example) this.exampleCodes(this.deref(example), `${where} example`, status, out);
      const examplesAt = this.child(media, 'examples');
      const examples = this.deref(examplesAt);
      if (examples && isMap(examples.node)) {
        for (const e of examples.node.items) {
          const name = isScalar(e.key) ? String(e.key.value) : '?';
          const exAt = this.at(examples.file, e.value);
          const ex = this.deref(exAt);
          const value = ex && this.deref(this.child(ex, 'value'));
          const ref = exAt && refOf(exAt.node);
          this.facts = facts(!!ex && marked(ex));
          if (value) this.exampleCodes(value, ref ? `example "${ref.value}"` : `${where} example "${name}"`, status, out);
        }
      }
      this.facts = facts(false);
      const schema = this.child(media, 'schema');
      for (const steps of this.codeFields) this.schemaCodes(schema, steps, `${where} schema`, status, out);
    }
  }

  private exampleCodes(value: Loc | undefined, where: string, status: string, out: Declaration[]) {
    for (const steps of this.codeFields) {
      for (const loc of this.valuesAt(value, steps)) {
        const code = codeOf(loc.node);
        if (code === undefined) continue;
        out.push({ code, file: loc.file, offset: loc.node.range![0], where, operation: this.operation, status, kind: 'example', response: this.facts,
          members: this.exampleMembers(value), keys: value && isMap(value.node) ? value.node.items.map((p) => ({ file: value.file, node: p.key as Node })) : [] });
      }
    }
  }

  /** The nodes at a path of an example, where a `name[]` step goes through each item of an array (`errors[].code`). */
  private valuesAt(start: Loc | undefined, steps: string[]): Loc[] {
    let locs = start ? [start] : [];
    for (const step of steps) {
      const many = step.endsWith('[]');
      locs = locs.flatMap((loc) => {
        const next = this.deref(this.child(loc, many ? step.slice(0, -2) : step));
        if (!next || !many) return next ? [next] : [];
        return isSeq(next.node) ? next.node.items.map((item) => this.deref(this.at(next.file, item))).filter((l): l is Loc => !!l) : [];
      });
    }
    return locs;
  }

  private schemaCodes(schema: Loc | undefined, steps: string[], where: string, status: string, out: Declaration[]) {
    for (const f of this.schemaFinds(schema, steps, 0, false)) {
      out.push({ code: f.code, file: f.file, offset: f.offset, where: f.label ?? where, operation: this.operation, status, kind: 'enum', shared: f.shared,
        response: { ...this.facts, deprecated: this.facts.deprecated || f.deprecated }, members: f.parent ? this.schemaMembers(f.parent) : new Map(), keys: [] });
    }
  }

  /**
   * The code enums a schema lists at `steps`. Memoized per schema node, steps left and
   * sharedness, so a schema reached many ways (allOf: [$ref S, $ref S], 31 deep, is 2^30
   * paths; YAML aliases fanning out likewise) is walked once: the walk is linear in the
   * document. What a find carries (its label, its parent) depends only on the schema below,
   * so the memo serves every response. A cycle back to a schema being walked adds nothing.
   */
  private schemaFinds(schema: Loc | undefined, steps: string[], depth: number, shared: boolean): Found[] {
    if (!schema) return [];
    if (depth > MAX_DEPTH) {
      this.refProblem(schema.file, schema.node, `schemas nest deeper than ${MAX_DEPTH} levels here (allOf/oneOf/anyOf, properties and $refs followed): not walked further`,
        'flatten the schema: codes below this point are not compared with the catalog');
      return [];
    }
    const key = `${shared}\0${steps.join('\0')}`;
    let memo = this.schemaMemo.get(key);
    if (!memo) this.schemaMemo.set(key, (memo = new Map()));
    const known = memo.get(schema.node);
    if (known) return known;
    memo.set(schema.node, []);
    const found = new Map<string, Found>();
    const add = (list: Found[]) => list.forEach((f) =>
      found.set(`${f.file.path}:${f.offset}:${f.shared}:${f.label}:${f.parent && `${f.parent.file.path}:${f.parent.node.range?.[0]}`}`, f));
    const loc = this.deref(schema);
    if (loc && isMap(loc.node)) {
      shared ||= loc.node !== schema.node;
      for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
        const list = this.child(loc, combinator);
        if (list && isSeq(list.node)) {
          for (const item of list.node.items) {
            const itemAt = this.at(list.file, item);
            if (itemAt) add(this.schemaFinds(itemAt, steps, depth + 1, shared));
          }
        }
      }
      if (steps.length === 0) add(this.enumCodes(loc, shared));
      else {
        const propsAt = this.child(loc, 'properties');
        const props = this.deref(propsAt);
        if (props) {
          // `errors[]` steps into the array's `items` schema.
          const many = steps[0]!.endsWith('[]');
          let next = this.child(props, many ? steps[0]!.slice(0, -2) : steps[0]!);
          let viaRef = props.node !== propsAt!.node;
          if (many) {
            const array = this.deref(next);
            viaRef ||= !!array && array.node !== next!.node;
            next = array && this.child(array, 'items');
          }
          const below = this.schemaFinds(next, steps.slice(1), depth + 1, shared || viaRef);
          // The members beside a code its schema states alone are the siblings of its property.
          add(steps.length === 1 ? below.map((f) => (f.single ? { ...f, parent: props } : f)) : below);
        }
      }
    }
    const ref = refOf(schema.node);
    const list = [...found.values()].map((f) => (ref && f.label === undefined ? { ...f, label: `schema "${ref.value}"` } : f));
    memo.set(schema.node, list);
    return list;
  }

  /** The codes of a schema's `enum` and `const` (strings, or integers for numeric codes). */
  private enumCodes(loc: Loc, shared: boolean): Found[] {
    const nodes: { node: unknown; file: SourceFile }[] = [];
    const enumNode = this.child(loc, 'enum');
    if (enumNode && isSeq(enumNode.node)) for (const node of enumNode.node.items) nodes.push({ node: unalias(enumNode.file, node), file: enumNode.file });
    const constNode = this.child(loc, 'const');
    if (constNode) nodes.push(constNode);
    const deprecated = marked(loc);
    return nodes.flatMap(({ node, file }) => {
      const code = codeOf(node);
      return isScalar(node) && code !== undefined ? [{ code, file, offset: node.range![0], shared, deprecated, single: nodes.length === 1 }] : [];
    });
  }

  private at(file: SourceFile, node: unknown): Loc | undefined {
    const n = unalias(file, node);
    return isNodeLike(n) ? { file, node: n as Node } : undefined;
  }

  private child(loc: Loc, key: string): Loc | undefined {
    if (!isMap(loc.node)) return undefined;
    return this.at(loc.file, loc.node.get(key, true));
  }
}

/** `application/problem+json; charset=utf-8` is application/problem+json. */
function bareMedia(type: string): string {
  return type.split(';')[0]!.trim().toLowerCase();
}

/** A code as a document writes it: a string, or an integer for a numeric code (`code: 1001`). */
function codeOf(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  return Number.isSafeInteger(node.value) ? String(node.value) : undefined;
}

/** A YAML alias (`*codes`) stands for the node its anchor marks. */
function unalias(file: SourceFile, node: unknown): unknown {
  for (let i = 0; isAlias(node) && i < MAX_DEPTH; i++) node = node.resolve(file.doc!);
  return node;
}

/** `deprecated: true` (OpenAPI's operation and schema keyword, or `x-deprecated` on a response or example). */
function marked(loc: Loc): boolean {
  if (!isMap(loc.node)) return false;
  return ['deprecated', 'x-deprecated'].some((k) => {
    const v = loc.node as { get(k: string, keep: true): unknown };
    const n = v.get(k, true);
    return isScalar(n) && n.value === true;
  });
}

/** `%ff` is no escape: undefined (the caller reports the place), not a URIError. */
export function decodeUri(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function refOf(node: Node): Scalar | undefined {
  if (!isMap(node)) return undefined;
  const ref = node.get('$ref', true);
  return isScalar(ref) && typeof ref.value === 'string' ? ref : undefined;
}

function isNodeLike(n: unknown): boolean {
  return typeof n === 'object' && n !== null && 'range' in n;
}

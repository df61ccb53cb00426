// The walk of an OpenAPI document's files (openapi.ts): every code an operation's responses
// declare (examples, enums, consts, `$ref`s followed by the walk itself), with the response's
// facts the comparison needs, each at its node. It reads nodes through openapi-tree.ts, so a
// JSON file is walked on JSON.parse's data and a YAML file on js-yaml's or `yaml`'s.
import type { Diagnostic } from '../load/diagnostics.ts';
import type { CatalogFile } from '../model/schema.ts';
import type { BareOperation, Declaration, Loc, ResponseFacts } from './openapi-declarations.ts';
import { childOf, itemsOf, kindOf, offsetOf, pairsOf, scalarValue, type DocFile, type DocNode } from './openapi-tree.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const MAX_DEPTH = 64;
/** RFC 9457 members an example or schema may state beside the code. */
const PROBLEM_MEMBERS = ['type', 'title', 'status', 'instance', 'doc_url', 'docs_url'];

export type ReportAt = (file: DocFile, offset: number, severity: Diagnostic['severity'], rule: Diagnostic['rule'], message: string, hint: string) => void;

/** Where the walker finds the files `$ref`s name: those the worker read, or a git revision's. */
export interface DocSource {
  /** The file a relative reference from `from` names, parsed, if it may be read. */
  resolve(from: DocFile, relative: string): DocFile | undefined;
}

/** A code an enum lists, wherever the schema walk found it. */
interface Found {
  code: string;
  file: DocFile;
  node: DocNode;
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

export class Walker {
  refProblems = 0;
  /** Operations with no error response at all. */
  bare: BareOperation[] = [];
  private schemaMemo = new Map<string, Map<DocNode, Found[]>>();
  private codeFields: string[][];
  private reported = new Set<string>();
  private source: DocSource;
  /** The operation and status being walked (`GET /orders 404`), and the response's facts. */
  private operation = '';
  private facts!: ResponseFacts;
  private report: ReportAt;
  private memberPaths: string[];
  constructor(source: DocSource, catalog: CatalogFile, report: ReportAt) {
    this.source = source;
    this.report = report;
    const fields = [catalog.envelope, ...(catalog.shapes ?? [])].map((s) => s.code_field).filter((f): f is string => !!f);
    this.codeFields = [...new Set(fields)].map((f) => f.split('.'));
    const shapes = [catalog.envelope, ...(catalog.shapes ?? [])];
    const named = shapes.flatMap((s) => [s.docs_url_field, s.status_field]).filter((f): f is string => !!f);
    this.memberPaths = [...new Set([...PROBLEM_MEMBERS, ...named])];
  }

  /** An example body's members at the paths the comparison reads. */
  private exampleMembers(body: Loc | undefined): Map<string, Loc> {
    const out = new Map<string, Loc>();
    for (const path of this.memberPaths) {
      const loc = this.valuesAt(body, path.split('.'))[0];
      if (loc && kindOf(loc.node) === 'scalar') out.set(path, loc);
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
      if (value && kindOf(value.node) === 'scalar') out.set(path, value);
      else if (list && kindOf(list.node) === 'seq') {
        const items = itemsOf(list.file, list.node);
        const only = items.length === 1 ? items[0] : undefined;
        if (only && kindOf(only) === 'scalar') out.set(path, { file: list.file, node: only });
      }
    }
    return out;
  }

  /** The node at a JSON pointer in a file. */
  pointer(file: DocFile, pointer: string): Loc | undefined {
    let node: DocNode | undefined = file.json ?? asRoot(file.doc?.contents);
    if (pointer !== '' && !pointer.startsWith('/')) return undefined;
    for (const raw of pointer.split('/').slice(1)) {
      const decoded = decodeUri(raw);
      if (decoded === undefined || !node) return undefined;
      const token = decoded.replace(/~1/g, '/').replace(/~0/g, '~');
      const kind = kindOf(node);
      if (kind === 'map') node = childOf(file, node, token);
      else if (kind === 'seq') node = itemsOf(file, node)[indexOf(token)];
      else return undefined;
    }
    return node ? { file, node } : undefined;
  }

  /** Follow `$ref`s until a node that is not one. */
  deref(loc: Loc | undefined): Loc | undefined {
    const start = loc && refOf(loc);
    for (let i = 0; loc && i < MAX_DEPTH; i++) {
      const ref = refOf(loc);
      if (!ref) return loc;
      const next = this.follow(loc.file, ref.value);
      if (!next) {
        if (decodeUri(ref.value) === undefined) {
          this.refProblem(loc.file, ref.node, `$ref "${ref.value}" does not resolve: it has a malformed %-escape`, 'write a literal % as %25; %-escapes must encode UTF-8');
        } else {
          this.refProblem(loc.file, ref.node, `$ref "${ref.value}" does not resolve to a file the check read`,
            'refs must point at files inside the repository (no URLs), and at existing JSON pointers');
        }
        return undefined;
      }
      loc = next;
    }
    if (loc && start) this.refProblem(loc.file, start.node, `$ref "${start.value}" does not resolve: it loops`, 'point the $ref at an object');
    return undefined;
  }

  private follow(from: DocFile, ref: string): Loc | undefined {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    let file: DocFile | undefined = from;
    if (filePart) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined;
      const name = decodeUri(filePart);
      file = name === undefined ? undefined : this.source.resolve(from, name);
      if (!file) return undefined;
    }
    return this.pointer(file, pointer);
  }

  private refProblem(file: DocFile, node: DocNode, message: string, hint: string) {
    const key = `${file.path}:${offsetOf(node)}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.refProblems++;
    this.report(file, offsetOf(node), 'error', 'openapi-ref', message, hint);
  }

  /** Every code declared by an operation's responses. */
  operations(root: DocFile): Declaration[] {
    const out: Declaration[] = [];
    const paths = this.deref(this.pointer(root, '/paths'));
    if (!paths || kindOf(paths.node) !== 'map') return out;
    for (const pair of pairsOf(paths.file, paths.node)) {
      const route = kindOf(pair.key) === 'scalar' ? String(scalarValue(pair.key)) : '?';
      const item = this.deref(this.at(paths.file, pair.value));
      if (!item || kindOf(item.node) !== 'map') continue;
      for (const method of METHODS) {
        const op = this.deref(this.child(item, method));
        const responsesAt = op && this.child(op, 'responses');
        const responses = this.deref(responsesAt);
        if (!responses || kindOf(responses.node) !== 'map') continue;
        const operation = `${method.toUpperCase()} ${route}`;
        const opDeprecated = marked(op!);
        let errors = 0;
        for (const r of pairsOf(responses.file, responses.node)) {
          const status = kindOf(r.key) === 'scalar' ? String(scalarValue(r.key)) : '?';
          if (/^[45]|^default$/i.test(status)) errors++;
          const at = this.at(responses.file, r.value);
          const response = this.deref(at);
          // A response $ref'd from elsewhere is shared: its findings are labelled with it, not with whichever operation reached it first.
          const ref = at && refOf(at);
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
    if (headerMap) for (const h of pairsOf(headerMap.file, headerMap.node)) if (kindOf(h.key) === 'scalar') headers.add(String(scalarValue(h.key)).toLowerCase());
    const content = this.deref(this.child(response, 'content'));
    if (!content || kindOf(content.node) !== 'map') return;
    const entries = pairsOf(content.file, content.node);
    const medias = entries.map((m) => bareMedia(String(kindOf(m.key) === 'scalar' ? scalarValue(m.key) : '')));
    for (const m of entries) {
      const media = this.deref(this.at(content.file, m.value));
      if (!media || kindOf(m.key) !== 'scalar') continue;
      const facts = (exampleMarked: boolean): ResponseFacts => ({
        media: bareMedia(String(scalarValue(m.key))), medias, mediaAt: { file: content.file, node: m.key! }, headers, deprecated: deprecated || marked(response) || exampleMarked,
      });
      this.facts = facts(false);
      const example = this.child(media, 'example');
      if (example) this.exampleCodes(this.deref(example), `${where} example`, status, out);
      const examplesAt = this.child(media, 'examples');
      const examples = this.deref(examplesAt);
      if (examples) {
        for (const e of pairsOf(examples.file, examples.node)) {
          const name = kindOf(e.key) === 'scalar' ? String(scalarValue(e.key)) : '?';
          const exAt = this.at(examples.file, e.value);
          const ex = this.deref(exAt);
          const value = ex && this.deref(this.child(ex, 'value'));
          const ref = exAt && refOf(exAt);
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
        const keys = value ? pairsOf(value.file, value.node).flatMap((p) => (p.key ? [{ file: value.file, node: p.key }] : [])) : [];
        out.push({ code, file: loc.file, node: loc.node, where, operation: this.operation, status, kind: 'example', response: this.facts,
          members: this.exampleMembers(value), keys });
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
        return itemsOf(next.file, next.node).map((item) => this.deref(this.at(next.file, item))).filter((l): l is Loc => !!l);
      });
    }
    return locs;
  }

  private schemaCodes(schema: Loc | undefined, steps: string[], where: string, status: string, out: Declaration[]) {
    for (const f of this.schemaFinds(schema, steps, 0, false)) {
      out.push({ code: f.code, file: f.file, node: f.node, where: f.label ?? where, operation: this.operation, status, kind: 'enum', shared: f.shared,
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
    // Keyed by the node itself: the same node reached twice is one find (offsets would cost a scan of JSON text).
    const add = (list: Found[]) => list.forEach((f) => found.set(findKey(f), f));
    const loc = this.deref(schema);
    if (loc && kindOf(loc.node) === 'map') {
      shared ||= loc.node !== schema.node;
      for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
        const list = this.child(loc, combinator);
        if (list && kindOf(list.node) === 'seq') {
          for (const item of itemsOf(list.file, list.node)) {
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
    const ref = refOf(schema);
    const list = [...found.values()].map((f) => (ref && f.label === undefined ? { ...f, label: `schema "${ref.value}"` } : f));
    memo.set(schema.node, list);
    return list;
  }

  /** The codes of a schema's `enum` and `const` (strings, or integers for numeric codes). */
  private enumCodes(loc: Loc, shared: boolean): Found[] {
    const nodes: Loc[] = [];
    const enumNode = this.child(loc, 'enum');
    if (enumNode && kindOf(enumNode.node) === 'seq') {
      for (const node of itemsOf(enumNode.file, enumNode.node)) if (node) nodes.push({ node, file: enumNode.file });
    }
    const constNode = this.child(loc, 'const');
    if (constNode) nodes.push(constNode);
    const deprecated = marked(loc);
    return nodes.flatMap(({ node, file }) => {
      const code = codeOf(node);
      return code !== undefined ? [{ code, file, node, shared, deprecated, single: nodes.length === 1 }] : [];
    });
  }

  private at(file: DocFile, node: DocNode | undefined): Loc | undefined {
    return node ? { file, node } : undefined;
  }

  private child(loc: Loc, key: string): Loc | undefined {
    return this.at(loc.file, childOf(loc.file, loc.node, key));
  }
}

/** Identities of the finds' nodes, for telling finds apart without their offsets. */
const nodeIds = new WeakMap<object, number>();
let nextId = 0;
function findKey(f: Found): string {
  return `${f.file.path}:${idOf(f.node)}:${f.shared}:${f.label}:${f.parent && `${f.parent.file.path}:${idOf(f.parent.node)}`}`;
}
function idOf(node: DocNode): number {
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextId++));
  return id;
}

/** `application/problem+json; charset=utf-8` is application/problem+json. */
export function bareMedia(type: string): string {
  return type.split(';')[0]!.trim().toLowerCase();
}

/** A code as a document writes it: a string, or an integer for a numeric code (`code: 1001`). */
function codeOf(node: DocNode): string | undefined {
  if (kindOf(node) !== 'scalar') return undefined;
  const value = scalarValue(node);
  if (typeof value === 'string') return value;
  return Number.isSafeInteger(value) ? String(value) : undefined;
}

/** `deprecated: true` (OpenAPI's operation and schema keyword, or `x-deprecated` on a response or example). */
function marked(loc: Loc): boolean {
  if (kindOf(loc.node) !== 'map') return false;
  return ['deprecated', 'x-deprecated'].some((k) => {
    const n = childOf(loc.file, loc.node, k);
    return kindOf(n) === 'scalar' && scalarValue(n) === true;
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

/** A mapping's `$ref` string, and its node. */
function refOf(loc: Loc): { node: DocNode; value: string } | undefined {
  if (kindOf(loc.node) !== 'map') return undefined;
  const node = childOf(loc.file, loc.node, '$ref');
  const value = scalarValue(node);
  return node && kindOf(node) === 'scalar' && typeof value === 'string' ? { node, value } : undefined;
}

/** A sequence index as `yaml`'s items[Number(token)] reads a pointer's token. */
function indexOf(token: string): number {
  return Number(token);
}

function asRoot(n: unknown): DocNode | undefined {
  return typeof n === 'object' && n !== null && 'range' in n ? (n as DocNode) : undefined;
}

// The nodes the OpenAPI walk reads, from either of two parses. A file that is JSON (what
// large published documents are) is read with JSON.parse, which is fast and compact, and a
// node's offset is found by scanning the text only when a diagnostic or a declaration asks
// for it (openapi-json-offsets.ts). A YAML file is read the same way on js-yaml's data when
// `yaml` would read it alike (openapi-yaml-node.ts, a JsonNode whose places a YAML scanner
// finds); any other file is parsed by `yaml` with positions. All give the same offsets: the
// first character of the node, as `yaml`'s ranges do.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parseJsonText } from '../load/json-parse.ts';
import type { SourceFile } from '../load/load.ts';
import { containerSpots, firstValueAt, keyTokens, type Brackets, type Spot } from './openapi-json-offsets.ts';

/** A file of an OpenAPI document: `yaml`'s parse in `doc`, or JSON's in `json`. */
export interface DocFile extends SourceFile {
  json?: JsonNode;
}

/** A node of either parse. */
export type DocNode = Node | JsonNode;

/** A value of a JSON.parse'd file, or one of its keys; one object per place (the walk memoizes by node). */
export class JsonNode {
  private kids?: Map<string, JsonNode>;
  private keyNodes?: Map<string, JsonNode>;
  /** Where each child's key and value start: one scan of this container's text, made when first asked. */
  private spots?: Map<string, Spot>;
  private offset?: number;
  readonly text: string;
  readonly value: unknown;
  readonly parent?: JsonNode;
  readonly key?: string;
  readonly isKey: boolean;
  /** Where the text's containers end, when known (parseJson): a scan of a node's children then skips its siblings' texts. */
  readonly brackets?: Brackets;
  constructor(text: string, value: unknown, parent?: JsonNode, key?: string, isKey = false, brackets = parent?.brackets) {
    this.text = text;
    this.brackets = brackets;
    this.value = value;
    this.parent = parent;
    this.key = key;
    this.isKey = isKey;
  }

  get kind(): 'map' | 'seq' | 'scalar' {
    if (this.isKey || this.value === null || typeof this.value !== 'object') return 'scalar';
    return Array.isArray(this.value) ? 'seq' : 'map';
  }

  /** A mapping's value at `key`, or a sequence's item at index `key` (never an array's `length`). */
  child(key: string): JsonNode | undefined {
    const kind = this.kind;
    if (kind === 'scalar') return undefined;
    if (kind === 'seq' ? !/^(0|[1-9]\d*)$/.test(key) || Number(key) >= (this.value as unknown[]).length : !Object.hasOwn(this.value as object, key)) return undefined;
    this.kids ??= new Map();
    let kid = this.kids.get(key);
    if (!kid) this.kids.set(key, (kid = this.make((this.value as Record<string, unknown>)[key], key, false)));
    return kid;
  }

  /** A mapping's value at `key` looked up by name (childOf): the same as child, but in YAML (openapi-yaml-node.ts). */
  lookup(key: string): JsonNode | undefined {
    return this.child(key);
  }

  keyNode(key: string): JsonNode {
    this.keyNodes ??= new Map();
    let node = this.keyNodes.get(key);
    if (!node) this.keyNodes.set(key, (node = this.make(key, key, true)));
    return node;
  }

  /** A child node of the same kind (a YAML file's nodes find their places another way: openapi-yaml-node.ts). */
  protected make(value: unknown, key: string, isKey: boolean): JsonNode {
    return new JsonNode(this.text, value, this, key, isKey);
  }

  /** A mapping's keys in the document's order (an object lists integer-like keys first). */
  keys(): string[] {
    const keys = Object.keys(this.value as object);
    return keys.some(isIndexLike) ? [...this.spotsOf().keys()] : keys;
  }

  get start(): number {
    if (this.offset === undefined) {
      if (!this.parent) this.offset = firstValueAt(this.text);
      else {
        const spot = this.parent.spotsOf().get(this.key!);
        this.offset = (this.isKey ? spot?.keyAt : spot?.valueAt) ?? this.parent.start;
      }
    }
    return this.offset;
  }

  private spotsOf(): Map<string, Spot> {
    this.spots ??= containerSpots(this.text, this.start, this.brackets);
    return this.spots;
  }
}

/** `"404"` comes before `"default"` among an object's keys, wherever it stands. */
export function isIndexLike(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * A file's text parsed for the walk: JSON.parse when it is JSON without duplicate keys
 * (`yaml` reports those, and JSON.parse would keep the last silently), else `yaml`.
 */
export function docFile(path: string, text: string, json?: { value: unknown; brackets?: Brackets }): DocFile {
  const parsed = json ?? parseJson(text);
  if (parsed) return { path, text, data: undefined, json: new JsonNode(text, parsed.value, undefined, undefined, false, parsed.brackets) };
  return { path, text, data: undefined, doc: parseDocument(text, { prettyErrors: false }) };
}

/** The file's data if it is JSON whose every key is unique and whose brackets nest at most `maxDepth` deep, else undefined. */
export function parseJson(text: string, maxDepth = Infinity): { value: unknown; brackets: Brackets } | undefined {
  let value: unknown;
  try {
    value = parseJsonText(text); // iterative: no nesting exhausts the stack
  } catch {
    return undefined;
  }
  const { keys, deeper, brackets } = keyTokens(text, maxDepth);
  return !deeper && keys === keysIn(value) ? { value, brackets } : undefined;
}

/** Keys of every object in a JSON value (iterative: no recursion on the document's depth). */
function keysIn(value: unknown): number {
  let count = 0;
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else {
      const keys = Object.keys(v);
      count += keys.length;
      for (const k of keys) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return count;
}

export type Kind = 'map' | 'seq' | 'scalar' | undefined;

export function kindOf(node: DocNode | undefined): Kind {
  if (node instanceof JsonNode) return node.kind;
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'seq';
  return isScalar(node) ? 'scalar' : undefined;
}

/** The value of a mapping's key, aliases followed. */
export function childOf(file: DocFile, node: DocNode, key: string): DocNode | undefined {
  if (node instanceof JsonNode) return node.kind === 'map' ? node.lookup(key) : undefined;
  if (!isMap(node)) return undefined;
  return asNode(unalias(file, node.get(key, true)));
}

/** A mapping's entries in order: the key node and the value (aliases followed). */
export function pairsOf(file: DocFile, node: DocNode): { key: DocNode | undefined; value: DocNode | undefined }[] {
  if (node instanceof JsonNode) return node.kind === 'map' ? node.keys().map((k) => ({ key: node.keyNode(k), value: node.child(k) })) : [];
  if (!isMap(node)) return [];
  return node.items.map((p) => ({ key: asNode(p.key), value: asNode(unalias(file, p.value)) }));
}

/** A sequence's items (aliases followed). */
export function itemsOf(file: DocFile, node: DocNode): (DocNode | undefined)[] {
  if (node instanceof JsonNode) return node.kind === 'seq' ? (node.value as unknown[]).map((_, i) => node.child(String(i))) : [];
  return isSeq(node) ? node.items.map((item) => asNode(unalias(file, item))) : [];
}

/** A scalar's value (a key's, its name). */
export function scalarValue(node: DocNode | undefined): unknown {
  if (node instanceof JsonNode) return node.kind === 'scalar' ? node.value : undefined;
  return isScalar(node) ? node.value : undefined;
}

/** Where the node starts in its file's text. */
export function offsetOf(node: DocNode | undefined): number {
  if (node instanceof JsonNode) return node.start;
  return node?.range?.[0] ?? 0;
}

/** A YAML alias (`*codes`) stands for the node its anchor marks. */
function unalias(file: DocFile, node: unknown): unknown {
  for (let i = 0; isAlias(node) && i < 64; i++) node = node.resolve(file.doc!);
  return node;
}

function asNode(n: unknown): Node | undefined {
  return typeof n === 'object' && n !== null && 'range' in n ? (n as Node) : undefined;
}

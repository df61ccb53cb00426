// A YAML file of an OpenAPI document walked on js-yaml's data (the parse the validation
// uses), as a JSON file is walked on JSON.parse's: a node's place is found only when a
// finding asks for it, by the block scanner (openapi-yaml-offsets.ts). Where the scanner
// declines, `yaml`'s positions parse of this file alone is made (once) and the node is
// found there by its path, so every offset is `yaml`'s. The walk sees what it sees on
// `yaml`'s nodes: keys in the text's order, and no string key where `yaml` reads a number.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { docFile, isIndexLike, JsonNode, type DocFile } from './openapi-tree.ts';
import { yamlContainerSpots, yamlRootAt, type YamlSpot } from './openapi-yaml-offsets.ts';
import type { YamlRead } from './openapi-yaml-read.ts';
import type { parseJson } from './openapi-tree.ts';

/** What the nodes of one file share: its text, and `yaml`'s parse once a place needs it. */
interface YamlText {
  text: string;
  doc?: Document.Parsed;
  /** Why `yaml` may not parse the text (too deep, too many values), if it may not: undefined when it may. */
  refused: (text: string) => unknown;
}

export class YamlDataNode extends JsonNode {
  private readonly file: YamlText;
  /** This container's children's places (null: the scanner declined). */
  private yamlSpots?: Map<string, YamlSpot> | null;
  private yamlOffset?: number;
  constructor(file: YamlText, value: unknown, parent?: YamlDataNode, key?: string, isKey = false) {
    super(file.text, value, parent, key, isKey);
    this.file = file;
  }

  protected override make(value: unknown, key: string, isKey: boolean): JsonNode {
    return new YamlDataNode(this.file, value, this, key, isKey);
  }

  /** `yaml` finds no string key `"404"` where the text has a plain `404:` (a number): nor does this. */
  override lookup(key: string): JsonNode | undefined {
    const kid = this.child(key);
    if (!kid || this.kind !== 'map' || !isIndexLike(key)) return kid;
    return this.typedKey(key) ? undefined : kid;
  }

  override keys(): string[] {
    const keys = Object.keys(this.value as object);
    if (!keys.some(isIndexLike)) return keys;
    const spots = this.scannedSpots();
    if (spots) return [...spots.keys()];
    const node = this.yamlNode();
    return isMap(node) ? node.items.map((p) => keyString(p.key)) : keys;
  }

  override get start(): number {
    if (this.yamlOffset === undefined) {
      const parent = this.parent as YamlDataNode | undefined;
      let at: number | undefined;
      if (!parent) at = yamlRootAt(this.text);
      else {
        const spot = parent.scannedSpots()?.get(this.key!);
        const found = spot && (this.isKey ? spot.keyAt : spot.valueAt);
        if (found !== undefined && found >= 0) at = found;
      }
      this.yamlOffset = at ?? this.yamlPlace();
    }
    return this.yamlOffset;
  }

  private typedKey(key: string): boolean {
    const spots = this.scannedSpots();
    if (spots) return spots.get(key)?.typedKey ?? false;
    const node = this.yamlNode();
    const pair = isMap(node) ? node.items.find((p) => keyString(p.key) === key) : undefined;
    return !!pair && isScalar(pair.key) && typeof pair.key.value !== 'string';
  }

  /** The scanner's places for this container's children, when it reads all of them. */
  private scannedSpots(): Map<string, YamlSpot> | null {
    if (this.yamlSpots === undefined) {
      const kind = this.kind;
      let spots: Map<string, YamlSpot> | undefined;
      if (kind !== 'scalar') {
        const size = kind === 'map' ? Object.keys(this.value as object).length : (this.value as unknown[]).length;
        spots = size > 0 ? yamlContainerSpots(this.text, this.start, kind === 'map') : undefined;
        if (spots && spots.size !== size) spots = undefined; // not what js-yaml read: ask `yaml`
      }
      this.yamlSpots = spots ?? null;
    }
    return this.yamlSpots;
  }

  /** The node in `yaml`'s parse of the file, by this node's path (no alias: readYaml admits none). */
  private yamlNode(): Node | undefined {
    const parent = this.parent as YamlDataNode | undefined;
    if (!parent) {
      if (!this.file.doc) {
        // A file past the positions parse's bounds (js-yaml read it, as JSON.parse reads any size) keeps the scanner's places.
        if (this.file.refused(this.file.text)) return undefined;
        this.file.doc = parseDocument(this.file.text, { prettyErrors: false });
      }
      return this.file.doc.contents ?? undefined;
    }
    const up = parent.yamlNode();
    if (isSeq(up)) return up.items[Number(this.key)] as Node | undefined;
    if (!isMap(up)) return undefined;
    const pair = up.items.find((p) => keyString(p.key) === this.key);
    return (this.isKey ? pair?.key : pair?.value) as Node | undefined;
  }

  /** `yaml`'s place for the node; where `yaml` may not read the file, its parent's (as a JSON node without a spot). */
  private yamlPlace(): number {
    return this.yamlNode()?.range?.[0] ?? this.parent?.start ?? 0;
  }
}

/** A key as js-yaml names it: `404` and `"404"` both "404". */
function keyString(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/**
 * A file ready for the walk: JSON.parse's data for JSON, js-yaml's for YAML both parsers
 * read alike (readYaml's `exact`), else `yaml`'s positions parse. `refused` says why
 * `yaml` may not parse a text (the caller's bounds), for a place the scanner leaves to it.
 */
export function walkableFile(path: string, text: string, json: ReturnType<typeof parseJson> | undefined, yaml: YamlRead | undefined, refused: (text: string) => unknown): DocFile {
  if (!json && yaml?.exact) return { path, text, data: undefined, json: new YamlDataNode({ text, refused }, yaml.value) };
  return docFile(path, text, json);
}

// Load: read the catalog's YAML files. Every diagnostic names file:line:col from `yaml`'s
// positions-keeping parse, but most files have no problem: they are read with js-yaml's
// much faster parser (core schema, duplicate keys refused, like `yaml`), and `yaml`
// parses a file only when it fails there or when a rule needs a position in it.
// Nothing is validated here except YAML itself.
import { basename, join, sep } from 'node:path';
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { catalogFileRule, limitExceeded, unsafeFile } from './load-rules.ts';
import { LIMITS } from './limits.ts';
import { parseFile } from './parse.ts';
import { catalogRoot, diskSource, isRefusal, type CatalogSource, type Refusal } from './read.ts';
import { displayPath, docOf, position, type SourceFile } from './source-file.ts';
// What most modules take from here, though it lives in the modules load.ts itself builds on.
export { displayPath, docOf, position, textPosition, type SourceFile } from './source-file.ts';
export type { CatalogSource } from './read.ts';

export interface LoadedCatalog {
  dir: string;
  catalog: SourceFile | undefined;
  codes: SourceFile[];
  /** Names of files in codes/ that could not be read (reported): their codes exist, unknown. */
  unreadable: string[];
  /** False when codes/ itself was refused: which codes exist is unknown. */
  codesListed: boolean;
  /** The lock of shipped codes, if the catalog has one. */
  lock: SourceFile | undefined;
  diagnostics: Diagnostic[];
}

export const CATALOG_FILE = 'catalog.yaml';
export const CODES_DIR = 'codes';
export const LOCK_FILE = 'shipped.yaml';

export class CatalogDirError extends Error {}

/**
 * Read and parse every file of the catalog in `dir`. Throws CatalogDirError if there is no
 * such directory. `skip`, asked about each code file in order, leaves out those it answers
 * true for (`check --cache` keeps what it found in them: src/check/incremental.ts).
 */
export function loadCatalog(dir: string, given?: CatalogSource, skip?: (name: string, path: string) => boolean): LoadedCatalog {
  const root = given ? undefined : catalogRoot(dir);
  const source = given ?? (root ? diskSource(root) : undefined);
  if (!source || !source.isDir(dir)) throw new CatalogDirError(`catalog directory not found: ${dir}`);
  const diagnostics: Diagnostic[] = [];
  let budget: number = LIMITS.catalogBytes;
  const refuse = (path: string, refusal: Refusal) =>
    diagnostics.push({ file: displayPath(path), line: 1, col: 1, severity: REFUSAL_RULES[refusal.rule].severity, rule: refusal.rule,
      message: `${basename(path)} ${refusal.refused}`, hint: REFUSAL_HINTS[refusal.rule] });
  /** A file parsed, or undefined when it is missing or was refused (and reported). */
  const read = (path: string): SourceFile | undefined => {
    const text = budget < 0 ? undefined : source.read(path);
    if (isRefusal(text)) return void refuse(path, text);
    if (text === undefined) return undefined;
    if ((budget -= text.length) < 0) {
      return void refuse(path, { rule: limitExceeded.id, refused: `is past the ${LIMITS.catalogBytes} bytes all catalog files may take together: this and later files not read` });
    }
    return parseFile(path, text, diagnostics);
  };

  const catalogPath = join(dir, CATALOG_FILE);
  const catalog = read(catalogPath);
  if (!catalog && !diagnostics.length) {
    diagnostics.push({
      file: displayPath(catalogPath),
      line: 1,
      col: 1,
      severity: catalogFileRule.severity,
      rule: catalogFileRule.id,
      message: `${CATALOG_FILE} is missing`,
      hint: `create ${displayPath(catalogPath)} with the page-level content (api, docs_url, envelope, categories)`,
    });
  }
  const codesDir = join(dir, CODES_DIR);
  const listed = source.list(codesDir);
  let names: string[] = [];
  if (isRefusal(listed)) refuse(codesDir, listed);
  else names = listed.filter((n) => /\.ya?ml$/.test(n)).sort();
  if (names.length > LIMITS.codeFiles) {
    refuse(codesDir, { rule: limitExceeded.id, refused: `holds ${names.length} YAML files, more than ${LIMITS.codeFiles}: only the first ${LIMITS.codeFiles} read` });
    names = names.slice(0, LIMITS.codeFiles);
  }
  const codes: SourceFile[] = [];
  const unreadable: string[] = [];
  // join(codesDir, n) without normalizing 10,000 paths anew: codesDir is join's output
  // already, and a name readdir gives (*.yaml, so neither `.` nor `..`) holds no separator.
  const inCodes = `${codesDir}${sep}`;
  for (const n of names) {
    const path = inCodes + n;
    if (skip?.(n, path)) continue;
    const file = read(path);
    if (file) codes.push(file);
    else unreadable.push(n);
  }
  const lock = read(join(dir, LOCK_FILE));
  return { dir, catalog, codes, unreadable, codesListed: !isRefusal(listed), lock, diagnostics };
}

const REFUSAL_RULES = { 'unsafe-file': unsafeFile, 'limit-exceeded': limitExceeded } as const;
const REFUSAL_HINTS: Record<Refusal['rule'], string> = {
  'unsafe-file': 'the check reads only regular files inside the catalog directory; replace it with a regular file',
  'limit-exceeded': 'see "Limits and safety" in the manual',
};

export type DataPath = readonly (string | number)[];

/** A data path as written in messages: `examples[0].body`. */
export function dotted(path: DataPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/**
 * Position of the node at `path`: the value by default, or the key of the last step.
 * Falls back to the nearest ancestor that exists, so a missing field points at its parent.
 */
export function locate(file: SourceFile, path: DataPath, which: 'value' | 'key' = 'value'): { line: number; col: number } {
  return position(file, nodeAt(file, path, which)?.range?.[0] ?? 0);
}

/** First and last line of the value at `path` (a block of text spans many). */
export function locateLines(file: SourceFile, path: DataPath): { line: number; endLine: number } {
  const range = nodeAt(file, path, 'value')?.range ?? [0, 0];
  // The value's end offset is just past its last character (a block's last newline).
  return { line: position(file, range[0]).line, endLine: position(file, Math.max(range[0], range[1] - 1)).line };
}

/** The node at `path`, or the deepest one on the way there. */
function nodeAt(file: SourceFile, path: DataPath, which: 'value' | 'key'): Node | undefined {
  let node: unknown = docOf(file).contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    let next: unknown;
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(step));
      if (!pair) break;
      if (which === 'key' && i === path.length - 1 && isNode(pair.key)) {
        best = pair.key;
        break;
      }
      next = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    } else break;
    if (!isNode(next)) break;
    best = next;
    node = next;
  }
  return best;
}

// Each mapping's keys, indexed once: looking up every key of a 40,000-key mapping stays linear.
const pairIndex = new WeakMap<object, Map<string, Pair>>();
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndex.set(map, index);
  }
  return index;
}

function isNode(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && 'range' in n;
}

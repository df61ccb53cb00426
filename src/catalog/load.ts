// Load: read the catalog's YAML files. Every diagnostic names file:line:col from `yaml`'s
// positions-keeping parse, but most files have no problem: they are read with js-yaml's
// much faster parser (core schema, duplicate keys refused, like `yaml`), and `yaml`
// parses a file only when it fails there or when a rule needs a position in it.
// Nothing is validated here except YAML itself.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORE_SCHEMA, load as fastLoad } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import catalogFileRule from '../rules/catalog-file.ts';
import duplicateKey from '../rules/duplicate-key.ts';
import yamlSyntax from '../rules/yaml-syntax.ts';

export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory). */
  path: string;
  text: string;
  /** Plain data of the document; undefined when YAML errors made it unusable. */
  data: unknown;
  /** The positions-keeping parse, made on first use (see docOf). */
  doc?: Document.Parsed;
  lineStarts?: number[];
}

/** `yaml`'s parse of the file, with source ranges for every node. */
export function docOf(file: SourceFile): Document.Parsed {
  file.doc ??= parseDocument(file.text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  return file.doc;
}

export interface LoadedCatalog {
  dir: string;
  catalog: SourceFile | undefined;
  codes: SourceFile[];
  /** The lock of shipped codes, if the catalog has one. */
  lock: SourceFile | undefined;
  diagnostics: Diagnostic[];
}

export const CATALOG_FILE = 'catalog.yaml';
export const CODES_DIR = 'codes';
export const LOCK_FILE = 'shipped.yaml';

export class CatalogDirError extends Error {}

/** Where catalog files come from: the working tree, or a git revision under review. */
export interface CatalogSource {
  isDir(path: string): boolean;
  /** Names of the entries of a directory, or [] if it doesn't exist. */
  list(path: string): string[];
  /** A file's text, or undefined if it doesn't exist. */
  read(path: string): string | undefined;
}

export const diskSource: CatalogSource = {
  isDir: (p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  list: (p) => {
    try {
      return readdirSync(p);
    } catch {
      return [];
    }
  },
  read: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** Read and parse every file of the catalog in `dir`. Throws CatalogDirError if there is no such directory. */
export function loadCatalog(dir: string, source: CatalogSource = diskSource): LoadedCatalog {
  if (!source.isDir(dir)) throw new CatalogDirError(`catalog directory not found: ${dir}`);
  const diagnostics: Diagnostic[] = [];
  const catalogPath = join(dir, CATALOG_FILE);
  const catalogText = source.read(catalogPath);
  let catalog: SourceFile | undefined;
  if (catalogText === undefined) {
    diagnostics.push({
      file: displayPath(catalogPath),
      line: 1,
      col: 1,
      severity: catalogFileRule.severity,
      rule: catalogFileRule.id,
      message: `${CATALOG_FILE} is missing`,
      hint: `create ${displayPath(catalogPath)} with the page-level content (api, docs_url, envelope, categories)`,
    });
  } else catalog = parseFile(catalogPath, catalogText, diagnostics);
  const codesDir = join(dir, CODES_DIR);
  const names = source.list(codesDir).filter((n) => /\.ya?ml$/.test(n)).sort();
  // path.relative for each of thousands of files is measurable: do it once for the directory.
  const codesShown = displayPath(codesDir);
  const codes = names.map((n) => {
    const p = join(codesDir, n);
    return parseFile(p, source.read(p) ?? '', diagnostics, join(codesShown, n));
  });
  const lockPath = join(dir, LOCK_FILE);
  const lockText = source.read(lockPath);
  const lock = lockText === undefined ? undefined : parseFile(lockPath, lockText, diagnostics);
  return { dir, catalog, codes, lock, diagnostics };
}

export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

export function parseFile(path: string, text: string, diagnostics: Diagnostic[], shown = displayPath(path)): SourceFile {
  const file: SourceFile = { path: shown, text, data: undefined };
  try {
    // An empty document is null, as `yaml` has it.
    file.data = fastLoad(text, { schema: CORE_SCHEMA, filename: path }) ?? null;
    return file;
  } catch {
    // Fall through: `yaml` says where and why.
  }
  const doc = docOf(file);
  for (const err of doc.errors) {
    const { line, col } = position(file, err.pos[0]);
    const rule = err.code === 'DUPLICATE_KEY' ? duplicateKey : yamlSyntax;
    diagnostics.push({
      file: file.path,
      line,
      col,
      severity: rule.severity,
      rule: rule.id,
      message: firstLine(err.message),
      hint: rule === duplicateKey ? 'each key may appear once in a mapping; merge or remove the repeated key' : 'fix the YAML syntax at this position',
    });
  }
  if (doc.errors.length === 0) file.data = doc.toJS();
  return file;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** 1-based line and column of a character offset. */
export function position(file: SourceFile, offset: number): { line: number; col: number } {
  if (!file.lineStarts) {
    const starts = [0];
    for (let i = 0; i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) starts.push(i + 1);
    file.lineStarts = starts;
  }
  const starts = file.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}

export type DataPath = readonly (string | number)[];

/**
 * Position of the node at `path`: the value by default, or the key of the last step.
 * Falls back to the nearest ancestor that exists, so a missing field points at its parent.
 */
export function locate(file: SourceFile, path: DataPath, which: 'value' | 'key' = 'value'): { line: number; col: number } {
  let node: unknown = docOf(file).contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
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
  return position(file, best?.range?.[0] ?? 0);
}

function isNode(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && 'range' in n;
}

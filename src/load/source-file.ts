// A catalog file as read: its text, its data, and `yaml`'s positions-keeping parse made
// on first use, with the positions and paths diagnostics show. Below load.ts and parse.ts,
// which both build on it.
import { basename, relative, resolve, sep } from 'node:path';
import { parseDocument, type Document } from 'yaml';

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
  // uniqueKeys off: yaml's check is quadratic in a mapping's size; parse.ts finds duplicates linearly.
  file.doc ??= parseDocument(file.text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  return file.doc;
}

export function displayPath(p: string): string {
  // The directory part is resolved once per directory: a catalog's files share one or two,
  // and path.relative resolves both sides on every call (a tenth of a 10,000-code check).
  const slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf(sep));
  const name = p.slice(slash + 1);
  if (slash <= 0 || name === '' || name === '.' || name === '..') return shownPath(p);
  const dir = shownDir(p.slice(0, slash));
  if (dir === '') return name;
  // A directory shown as it is lies outside the working directory: so does the file, unless it is the working directory.
  if (dir === p.slice(0, slash)) return name === basename(process.cwd()) && resolve(p) === process.cwd() ? '' : p;
  return `${dir}${sep}${name}`;
}

function shownPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

const shownDirs = new Map<string, string>();
function shownDir(dir: string): string {
  const key = `${process.cwd()}\0${dir}`;
  let shown = shownDirs.get(key);
  if (shown === undefined) {
    shown = shownPath(dir);
    if (shownDirs.size >= 1000) shownDirs.clear();
    shownDirs.set(key, shown);
  }
  return shown;
}

/** 1-based line and column of a character offset in a text looked into once (no line index kept). */
export function textPosition(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** 1-based line and column of a character offset. */
export function position(file: SourceFile, offset: number): { line: number; col: number } {
  if (!file.lineStarts) {
    const starts = [0];
    // indexOf, not a loop over every character: an OpenAPI document can be 10 MB or more.
    for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) starts.push(i + 1);
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

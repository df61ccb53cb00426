// Offsets in a JSON text, found by scanning only the containers a caller asks about: the
// OpenAPI walk reads a JSON document through JSON.parse and needs the place of the few
// nodes a diagnostic or a declaration names (openapi-tree.ts). Every function expects text
// JSON.parse accepted; none recurses, so no nesting exhausts the stack.
import { stringEnd } from '../load/json-parse.ts';

/** Where a child's key (objects only; -1 in arrays) and its value start. */
export interface Spot {
  keyAt: number;
  valueAt: number;
}

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The offset of the document's value (past leading whitespace). */
export function firstValueAt(text: string): number {
  return skipSpace(text, 0);
}

/**
 * Where each object and array of a text ends, found in the scan that counts its keys
 * (keyTokens): `opens` in the text's order, `ends[i]` just past the one that opens at
 * `opens[i]`. With it, finding a node's children skips each sibling container at once
 * instead of scanning its text (a node deep in a large document has large siblings).
 */
export interface Brackets {
  opens: Int32Array;
  ends: Int32Array;
}

/** Just past the container that opens at `at`, by the index; -1 when it holds none there. */
function indexedEnd(brackets: Brackets, at: number): number {
  const { opens, ends } = brackets;
  let lo = 0;
  let hi = opens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const o = opens[mid]!;
    if (o === at) return ends[mid]!;
    if (o < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Just past the value that starts at `i`. */
function valueEnd(text: string, i: number, brackets?: Brackets): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    const known = brackets ? indexedEnd(brackets, i) : -1;
    if (known >= 0) return known;
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) j = stringEnd(text, j) - 1;
      else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
    j++;
  }
  return j;
}

/** The children of the object or array that opens at `at`, by key (an array's by index), in the text's order. */
export function containerSpots(text: string, at: number, brackets?: Brackets): Map<string, Spot> {
  const spots = new Map<string, Spot>();
  const open = text.charCodeAt(at);
  if (open !== OPEN_BRACE && open !== OPEN_BRACKET) return spots;
  const isObject = open === OPEN_BRACE;
  let i = skipSpace(text, at + 1);
  for (let index = 0; i < text.length; index++) {
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) break;
    let key = String(index);
    let keyAt = -1;
    if (isObject) {
      keyAt = i;
      const end = stringEnd(text, i);
      const raw = text.slice(i, end);
      key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      i = skipSpace(text, skipSpace(text, end) + 1); // past the colon
    }
    spots.set(key, { keyAt, valueAt: i });
    i = skipSpace(text, valueEnd(text, i, brackets));
    if (text.charCodeAt(i) !== COMMA) break;
    i = skipSpace(text, i + 1);
  }
  return spots;
}

/**
 * How many strings in the text are keys (followed by a colon): with JSON.parse's count of
 * keys, a duplicate shows. Whether brackets nest deeper than `maxDepth` anywhere. And
 * where each container ends (Brackets), for text that JSON.parse accepted.
 */
export function keyTokens(text: string, maxDepth = Infinity): { keys: number; deeper: boolean; brackets: Brackets } {
  let keys = 0;
  let depth = 0;
  let opens: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let count = 0;
  /** Indexes (into opens) of the containers open at this point. */
  const open: number[] = [];
  const brackets = () => ({ opens: opens.subarray(0, count), ends: ends.subarray(0, count) });
  const length = text.length;
  // One pass, the hot loop of a large document's read: whitespace, commas and colons
  // first (most of a printed document's characters), each string skipped by indexOf.
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === COMMA || c === COLON) continue;
    if (c === QUOTE) {
      i = stringEnd(text, i) - 1; // on the closing quote
      let next = i + 1;
      while (next < length && isSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === COLON) {
        keys++;
        i = next;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return { keys, deeper: true, brackets: brackets() };
      if (count === opens.length) {
        opens = grown(opens);
        ends = grown(ends);
      }
      open.push(count);
      opens[count++] = i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      const at = open.pop();
      if (at !== undefined) ends[at] = i + 1;
    }
  }
  return { keys, deeper: false, brackets: brackets() };
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

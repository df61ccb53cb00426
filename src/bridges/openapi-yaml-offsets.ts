// Offsets in a block-style YAML text, found by scanning only the containers a caller asks
// about, as openapi-json-offsets.ts does for JSON: the walk reads a YAML file through
// js-yaml's data when openapi-yaml-read.ts found both parsers read it alike (no flow
// collection but `[]`/`{}`, no quoted scalar over lines, no tab, anchor, tag or document marker but a first `---`
// line), and needs the place of the few nodes a finding names. An offset is the node's
// first character, as `yaml`'s ranges give it. The scanner declines (undefined) on anything
// it does not fully understand, and the caller then asks `yaml` (openapi-yaml-node.ts).
// Nothing recurses: a container's entries are the lines at its column; deeper lines (its
// entries' values, block scalars' text) are skipped a line at a time.
import type { Spot } from './openapi-json-offsets.ts';
import { coreScalar, documentStart } from './openapi-yaml-read.ts';

/** A child's place (Spot: -1 for a sequence item's key, and for an empty value, not placed here). */
export interface YamlSpot extends Spot {
  /** The key is a plain scalar `yaml` reads as a number (`404:`), so `yaml` finds no string key `"404"`. */
  typedKey: boolean;
}

const SPACE = 32;
const NL = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;

function lineStartOf(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

function lineEndOf(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** Past the spaces at `i`. */
function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** The document's node: its first character past a start marker's line, blank and comment lines. */
export function yamlRootAt(text: string): number {
  return contentLine(text, documentStart(text))?.first ?? 0;
}

/** The first line from `line` on that is not blank or a comment: its first character and indentation. */
function contentLine(text: string, line: number): { first: number; indent: number } | undefined {
  for (; line < text.length; line = lineEndOf(text, line) + 1) {
    const first = skipSpaces(text, line);
    if (first >= text.length) return undefined;
    const c = text.charCodeAt(first);
    if (c !== NL && c !== HASH) return { first, indent: first - line };
  }
  return undefined;
}

const shallowLines = new Map<number, RegExp>();

/** A line break not followed by more than `column` spaces: a line indented `column` or less, or blank. */
function shallowLine(column: number): RegExp {
  let re = shallowLines.get(column);
  if (!re) shallowLines.set(column, (re = new RegExp(`\\n(?! {${column + 1}})`, 'g')));
  return re;
}

/** A `- ` (or a `-` ending its line) at `i`. */
function isDash(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== DASH) return false;
  const n = text.charCodeAt(i + 1);
  return n === SPACE || n === NL || i + 1 >= text.length;
}

/**
 * Where the value that follows an indicator (`key:` or `-`) ending at `i` starts: on the
 * same line, or on the first later line that is not blank or a comment, deeper than
 * `column` (or a `- ` at `column` when `sameColumnSeq`, a mapping's sequence). -1 when
 * the value is empty.
 */
function valueAfter(text: string, i: number, column: number, sameColumnSeq: boolean): number {
  const at = skipSpaces(text, i);
  const c = text.charCodeAt(at);
  // An anchor or tag js-yaml lost (`- &a` then a block scalar below): `yaml` places the node after it.
  if (c === 38 || c === 33 || c === 42) return -1;
  if (at < text.length && c !== NL && c !== HASH) return at;
  const next = contentLine(text, lineEndOf(text, at) + 1);
  if (!next) return -1;
  const { first, indent } = next;
  return indent > column || (indent === column && sameColumnSeq && isDash(text, first)) ? first : -1;
}

/** The key at `i` and where its `:` is, or undefined when it is not a key the scanner reads. */
function keyAt(text: string, i: number): { key: string; colon: number; typed: boolean } | undefined {
  const c = text.charCodeAt(i);
  const end = lineEndOf(text, i);
  let key: string;
  let after: number;
  let typed = false;
  if (c === 34 || c === 39) {
    // A quoted key on one line: '' escapes a single quote; a double-quoted one is read as JSON when it has escapes.
    let j = i + 1;
    for (; j < end; j++) {
      const d = text.charCodeAt(j);
      if (c === 34 && d === 92) j++;
      else if (d === c) {
        if (c === 39 && text.charCodeAt(j + 1) === 39) j++;
        else break;
      }
    }
    if (j >= end) return undefined;
    const raw = text.slice(i, j + 1);
    if (c === 39) key = raw.slice(1, -1).replace(/''/g, "'");
    else if (!raw.includes('\\')) key = raw.slice(1, -1);
    else {
      try {
        key = JSON.parse(raw) as string;
      } catch {
        return undefined;
      }
    }
    after = skipSpaces(text, j + 1);
    if (text.charCodeAt(after) !== COLON) return undefined;
  } else {
    // A plain key ends at the first `: ` (or `:` ending the line); it holds no ` #`.
    if ('?:,[]{}#&*!|>%@`'.includes(text[i]!) || isDash(text, i)) return undefined;
    let j = i;
    for (; j < end; j++) {
      if (text.charCodeAt(j) === COLON) {
        const n = text.charCodeAt(j + 1);
        if (n === SPACE || n === NL || j + 1 >= text.length) break;
      }
    }
    if (j >= end) return undefined;
    key = text.slice(i, j).trimEnd();
    if (key.includes(' #')) return undefined;
    const core = coreScalar(key);
    if (core.typed) {
      // `404:`: js-yaml's key is the same text; any other typed key (`~`, `0x1F`, `1.50`) is not read here.
      if (!/^(?:0|[1-9][0-9]{0,14})$/.test(key)) return undefined;
      typed = true;
    }
    after = j;
  }
  const n = text.charCodeAt(after + 1);
  if (!(n === SPACE || n === NL || after + 1 >= text.length)) return undefined;
  return { key, colon: after, typed };
}

/**
 * The children of the block mapping or sequence that starts at `at` (its first key, or its
 * first `-`), by key (a sequence's by index), in the text's order; undefined when the
 * scanner does not read it.
 */
export function yamlContainerSpots(text: string, at: number, isMap: boolean): Map<string, YamlSpot> | undefined {
  const spots = new Map<string, YamlSpot>();
  const column = at - lineStartOf(text, at);
  const entry = (i: number): boolean => {
    if (isMap) {
      const k = keyAt(text, i);
      if (!k || spots.has(k.key)) return false;
      spots.set(k.key, { keyAt: i, valueAt: valueAfter(text, k.colon + 1, column, true), typedKey: k.typed });
    } else {
      if (!isDash(text, i)) return false;
      spots.set(String(spots.size), { keyAt: -1, valueAt: valueAfter(text, i + 1, column, false), typedKey: false });
    }
    return true;
  };
  if (!entry(at)) return undefined;
  // The next line indented `column` or less that is not blank: lines deeper than the
  // container (its entries' values) are passed over by the regular expression, not one by one.
  const shallow = shallowLine(column);
  shallow.lastIndex = lineEndOf(text, at);
  for (let m = shallow.exec(text); m; m = shallow.exec(text)) {
    const first = skipSpaces(text, m.index + 1);
    const indent = first - m.index - 1;
    const c = text.charCodeAt(first);
    if (first >= text.length) break;
    if (c === NL || c === HASH) continue; // blank, or a comment
    if (indent < column) break;
    if (isMap && isDash(text, first)) continue; // a sequence at the mapping's column: its key's value
    if (!isMap && !isDash(text, first)) break; // the key after a sequence at its mapping's column
    if (!entry(first)) return undefined;
    shallow.lastIndex = lineEndOf(text, first);
  }
  return spots;
}

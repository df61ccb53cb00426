// A YAML file of an OpenAPI document read once, by js-yaml (JSON schema: what swagger-parser
// reads and validates), with a verdict on whether the walk may use that data instead of
// `yaml`'s positions parse (10x the memory and time on a large document). It may when the
// two parsers read the text alike: no anchor or alias (the walk memoizes by node, and an
// alias's place is its anchor's), no tag, no flow collection but `[]` and `{}`, no quoted
// scalar over several lines but plainly wrapped ones (quotedAlike), no implicit key over 1,024 characters (`yaml` refuses it), no
// tab, CR, BOM, directive or document marker (but a lone `---` opening the text), and every plain scalar typed as `yaml`'s
// core schema types it (js-yaml reads `0b1`, `-0x1` as numbers, `-.5` as a string).
// Anything else is still read (its data serves the validation) but walked through `yaml`.
import { JSON_SCHEMA, load } from 'js-yaml';

export interface YamlRead {
  value: unknown;
  /** The walk may read `value` and find places with the block scanner (openapi-yaml-offsets.ts). */
  exact: boolean;
}

const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const BOOL = 'tag:yaml.org,2002:bool';
const NULL = 'tag:yaml.org,2002:null';

/** What js-yaml's listener sees of its state (lib/loader.js). */
interface LoaderState {
  position: number;
  tag: string | null;
  anchor: string | null;
  kind: string | null;
  result: unknown;
}

/**
 * js-yaml's data (JSON schema), or undefined when it refuses the text (a duplicate key, a
 * syntax error, more than one document, nesting past js-yaml's 100 levels) or, once the
 * text is found not `exact`, when it holds more than `maxValues` values: `yaml` would have
 * to read it, and the caller's bounds refuse it.
 */
export function readYaml(text: string, maxValues = Infinity): YamlRead | undefined {
  let exact = plainLines(text);
  // Where each open node starts (js-yaml nests at most 100 deep: maxDepth).
  const opens = new Int32Array(256);
  let depth = 0;
  let values = 0;
  const listener = (event: 'open' | 'close', state: LoaderState) => {
    if (event === 'open') {
      opens[depth++] = state.position;
      return;
    }
    const from = opens[--depth]!;
    if (exact && !alike(text, from, state)) exact = false;
    if (++values > maxValues && !exact) throw new Error('too many values');
  };
  try {
    return { value: load(text, { schema: JSON_SCHEMA, listener } as never), exact };
  } catch {
    return undefined;
  }
}

/**
 * No tab, CR or BOM, no directive or document marker (but a first line `---`), and no line that is, past its
 * indentation and `- ` indicators, a `-` ending it (maybe an empty item, which js-yaml reads
 * wrong in a nested sequence, the outer sequence's next items joining the inner one, and
 * reports to no listener) or `? ` (an explicit key, maybe without a value: `yaml` has no
 * node there, js-yaml a null). One pass over the lines (multiline regular expressions try
 * every position).
 */
function plainLines(text: string): boolean {
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.charCodeAt(0) === 0xfeff) return false;
  const start = documentStart(text);
  // An empty document after the marker: `yaml` places its null at the marker, not read here.
  const content = /^ *[^ \n#]/gm;
  content.lastIndex = start;
  if (start > 0 && !content.test(text)) return false;
  for (let line = start; line < text.length; ) {
    let end = text.indexOf('\n', line);
    if (end < 0) end = text.length;
    const first = text.charCodeAt(line);
    if (first === 37 || ((first === 45 || first === 46) && (text.startsWith('---', line) || text.startsWith('...', line)))) return false;
    let i = line;
    while (text.charCodeAt(i) === 32) i++;
    let dashes = 0;
    while (text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 32) {
      dashes++;
      i += 2;
      while (text.charCodeAt(i) === 32) i++;
    }
    const c = text.charCodeAt(i);
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 10;
    if ((dashes > 0 && (i >= end || c === 35)) || (c === 45 && (next === 10 || next === 35)) || (c === 63 && (next === 32 || next === 10))) return false;
    line = end + 1;
  }
  return true;
}

/**
 * Where the document's text starts: past a first line that is only a document start marker
 * (`---`, maybe with spaces and a comment), which many published documents open with and
 * both parsers read alike; any other marker or directive sends the file to `yaml`.
 */
export function documentStart(text: string): number {
  const m = /^---(?: +(?:#[^\n]*)?)?(?:\n|$)/.exec(text); // `---#` is no marker
  return m ? m[0].length : 0;
}

/** Whether the node js-yaml just closed (opened at `from`) reads the same in `yaml`. */
function alike(text: string, from: number, state: LoaderState): boolean {
  if (state.anchor !== null) return false;
  const { tag, kind, result } = state;
  const end = state.position;
  if (tag === null) {
    if (kind === null) return true; // an empty node: null in both
    // Only a node ending in a quote or a bracket can be a quoted scalar or a flow collection.
    const last = text.charCodeAt(end - 1);
    if (!(last === 34 || last === 39 || last === 93 || last === 125)) return true;
    const at = firstSignificant(text, from, end);
    const c = text.charCodeAt(at);
    // A quoted scalar on one line. (A plain one closed untagged was read, and checked, by
    // an inner node: a sequence's item `- 1` first tries to be a mapping's key.)
    if (kind === 'scalar') return !(c === 34 || c === 39) || quotedAlike(text, at, end);
    // A block collection, or an empty flow one written `[]` / `{}`.
    if (c === 91 || c === 123) return text.charCodeAt(at + 1) === c + 2 && isEmpty(result) && ends(text, at + 2);
    return true;
  }
  if (tag === '?') return typeof result === 'string' && !coreScalar(result).typed && !longKey(text, from, end);
  if (tag === INT || tag === FLOAT || tag === BOOL || tag === NULL) {
    const raw = text.slice(firstSignificant(text, from, end), end).trimEnd();
    const core = coreScalar(raw);
    return core.typed && Object.is(core.value, result); // NaN is NaN; -0 (js-yaml reads 0) is not 0
  }
  return false; // an explicit tag
}

/**
 * A quoted scalar followed by a space, a line break, `:` or the end (`""#` is an error to
 * `yaml`). One over several lines (as published documents wrap long descriptions) only
 * when both parsers surely fold it alike and `yaml` takes it: each later line indented
 * deeper than where its line's node starts, no line ending in spaces or (double-quoted) in
 * an escaped line break, and no key.
 */
function quotedAlike(text: string, at: number, end: number): boolean {
  const nl = text.indexOf('\n', at);
  if (nl < 0 || nl >= end) return (ends(text, end) || text.charCodeAt(end) === 58) && !longKey(text, at, end);
  if (!ends(text, end)) return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // The column of the line's first node: past its indentation and any `- ` indicators.
  let base = lineStart;
  while (text.charCodeAt(base) === 32 || (text.charCodeAt(base) === 45 && text.charCodeAt(base + 1) === 32)) base++;
  const column = base - lineStart;
  const double = text.charCodeAt(at) === 34;
  for (let i = nl; i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (before === 32 || (double && before === 92)) return false;
    let j = i + 1;
    while (text.charCodeAt(j) === 32) j++;
    // A blank line is a line break in the value; any other line must be deeper.
    if (text.charCodeAt(j) !== 10 && j - (i + 1) <= column) return false;
  }
  return true;
}

/** A space, a line break or the end at `i`: what `yaml` requires after a quoted scalar or a flow collection (before a comment's `#`). */
function ends(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 10 || i >= text.length;
}

function isEmpty(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}

/** A scalar over 1,024 characters followed by `:` is an implicit key `yaml` refuses. */
function longKey(text: string, from: number, end: number): boolean {
  if (end - from <= 1024) return false;
  let i = end;
  while (text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i) === 58;
}

/** The first character of a node's text that is not space, line break or comment. */
function firstSignificant(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10) i++;
    else if (c === 35) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? end : nl;
    } else break;
  }
  return i;
}

/**
 * How `yaml`'s core schema (its default) reads a plain scalar: typed (null, boolean,
 * number) with its value, or a string. The tests and values are `yaml`'s own
 * (dist/schema/core, common/null).
 */
export function coreScalar(s: string): { typed: boolean; value?: unknown } {
  if (s.length === 0) return { typed: true, value: null };
  const c = s.charCodeAt(0);
  if (c === 126) return s.length === 1 ? { typed: true, value: null } : UNTYPED; // ~
  if (c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) { // n N t T f F
    if (s.length > 5) return UNTYPED;
    if (/^(?:[Nn]ull|NULL)$/.test(s)) return { typed: true, value: null };
    if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return { typed: true, value: c === 116 || c === 84 };
    return UNTYPED;
  }
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return UNTYPED; // a digit, + - .
  if (/^0o[0-7]+$/.test(s)) return { typed: true, value: parseInt(s.slice(2), 8) };
  if (/^[-+]?[0-9]+$/.test(s)) return { typed: true, value: parseInt(s, 10) };
  if (/^0x[0-9a-fA-F]+$/.test(s)) return { typed: true, value: parseInt(s.slice(2), 16) };
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return { typed: true, value: s.slice(-3).toLowerCase() === 'nan' ? NaN : c === 45 ? -Infinity : Infinity };
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return { typed: true, value: parseFloat(s) };
  return UNTYPED;
}

const UNTYPED = Object.freeze({ typed: false });

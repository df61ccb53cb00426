// What the source scan reads of a file: its code without comments, and the argument at a
// call site when it is built at run time. A full parser (oxc-parser) would be exact but
// costs about 20x the scan (2.8 s against 0.12 s for the 5,000-file benchmark), so this
// is a single linear pass that knows strings, template literals, regular-expression
// literals and comments, which is all that decides whether a code is in a comment.

/** Languages whose comments start with `#` (the rest are taken as C-family: `//`, `/* *\/`). */
const HASH_COMMENTS = /\.(py|pyi|rb|sh|bash|ex|exs|pl|r|ya?ml|toml)$/i;

/** Where a `/` starts a regular expression rather than a division (after these, or at the start). */
const BEFORE_REGEX = /[(,=:[!&|?{};+\-*%<>~^]/;

/** The text with every comment blanked to spaces (line breaks kept, so positions stay). */
export function withoutComments(text: string, path: string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of commentRanges(text, path)) {
    out += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return out + text.slice(from);
}

/** Where the comments are, [start, end) in text order. */
export function commentRanges(text: string, path: string): [number, number][] {
  const hash = HASH_COMMENTS.test(path);
  // The next character that may open or close something; braces matter only inside a `${…}`.
  const next = hash ? /[#"']/g : /[/"'`]/g;
  const nextInTemplate = /[/"'`{}]/g;
  const comments: [number, number][] = [];
  // Brace depths of the `${…}` expressions open inside template literals.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  const template = (from: number) => {
    const end = skipTemplate(text, from, templates, depth);
    if (templates.length > 0 && templates[templates.length - 1] === depth) depth++;
    return end;
  };
  while (i < n) {
    const finder = templates.length > 0 ? nextInTemplate : next;
    finder.lastIndex = i;
    const found = finder.exec(text);
    if (!found) break;
    i = found.index;
    const c = text[i]!;
    if (hash ? c === '#' : c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
      comments.push([found.index, i]);
    } else if (!hash && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      comments.push([found.index, i]);
    } else if (c === '"' || c === "'") {
      i = skipString(text, i, c);
    } else if (c === '`') {
      i = template(i + 1);
    } else if (c === '/') {
      i = startsRegex(text, i) ? skipRegex(text, i) : i + 1;
    } else if (c === '{') {
      depth++;
      i++;
    } else {
      depth--;
      // The end of a `${…}`: back into its template literal.
      if (templates[templates.length - 1] === depth) {
        templates.pop();
        i = template(i + 1);
      } else i++;
    }
  }
  return comments;
}

/** Whether the `/` at i opens a regular expression: after an operator or bracket, or at the start. */
function startsRegex(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r')) k--;
  return k < 0 || BEFORE_REGEX.test(text[k]!);
}

/** The index after a '…' or "…" string (a line break ends an unclosed one). */
function skipString(text: string, i: number, quote: string): number {
  // A sticky regular expression runs the body natively: much faster than a loop here.
  const body = quote === '"' ? DOUBLE_BODY : SINGLE_BODY;
  body.lastIndex = i + 1;
  body.exec(text);
  const k = body.lastIndex;
  return text[k] === quote ? k + 1 : k;
}

const SINGLE_BODY = /(?:[^'\\\n]|\\[^])*/y;
const DOUBLE_BODY = /(?:[^"\\\n]|\\[^])*/y;

/** From inside a template literal: the index after its closing backtick, or after a `${` (pushed on `templates`). */
function skipTemplate(text: string, i: number, templates: number[], depth: number): number {
  for (let k = i; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '`') return k + 1;
    else if (c === '$' && text[k + 1] === '{') {
      templates.push(depth);
      return k + 2;
    }
  }
  return text.length;
}

/** The index after a /…/flags literal, classes and escapes included; a line break ends it. */
function skipRegex(text: string, i: number): number {
  let inClass = false;
  for (let k = i + 1; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '\n') return k;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '/') return k + 1;
  }
  return text.length;
}

export interface Argument {
  /** Where the argument, or the part of it read, ends (exclusive): no later call site starts before. */
  end: number;
  dynamic?: DynamicArgument;
}

export interface DynamicArgument {
  /** The argument as written (at most 80 characters). */
  text: string;
  /** Anchored: the codes the argument can produce (its literal parts in order, anything between). */
  produces: RegExp;
}

const MAX_ARGUMENT = 500;

/**
 * The argument starting at `start`, `dynamic` when it is built at run time: a template
 * literal with `${…}` or a concatenation with at least one string literal; not for a
 * plain literal (the pattern reads it) nor a bare variable (nothing says what it holds).
 */
export function readArgument(text: string, start: number): Argument {
  // The common case first: a plain '…' or "…" literal, then the next argument or the end.
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    if (close > 0 && !text.slice(start, close).includes('\\')) {
      let k = close + 1;
      while (text[k] === ' ') k++;
      if (text[k] === ',' || text[k] === ')') return { end: k };
    }
  }
  const parts: (string | null)[] = []; // literal texts; null for code between them
  let depth = 0;
  let k = start;
  const limit = Math.min(text.length, start + MAX_ARGUMENT);
  while (k < limit) {
    const c = text[k]!;
    if (depth === 0 && (c === ',' || c === ')' || c === ']' || c === '}' || c === ';')) break;
    if ((c === '"' || c === "'") && depth === 0) {
      const end = skipString(text, k, c);
      const body = unescape(text.slice(k + 1, end - 1));
      // A Python f-string: its `{…}` are code (`{{` is a brace).
      const fString = (text[k - 1] === 'f' || text[k - 1] === 'F') && !/\w/.test(text[k - 2] ?? '');
      if (fString) {
        body.split(/(?<!\{)\{(?!\{)[^}]*\}/).forEach((piece, n) => parts.push(...(n > 0 ? [null] : []), piece.replace(/\{\{|\}\}/g, (b) => b[0]!)));
      } else parts.push(body);
      k = end;
    } else if (c === '`' && depth === 0) {
      // Literal pieces of the template, its expressions as code.
      const [end, pieces] = templatePieces(text, k + 1, limit);
      parts.push(...pieces);
      k = end;
    } else {
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      const fPrefix = (c === 'f' || c === 'F') && (text[k + 1] === '"' || text[k + 1] === "'") && !/\w/.test(text[k - 1] ?? '');
      if (!/[\s+]/.test(c) && !fPrefix && parts[parts.length - 1] !== null) parts.push(null);
      k++;
    }
  }
  if (k >= limit && k < text.length) return { end: k }; // too long to be one argument
  if (!parts.some((p) => p === null) || !parts.some((p) => p !== null && p !== '')) return { end: k };
  const source = parts.map((p) => (p === null ? '[^]*' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('').replace(/(\[\^\]\*)+/g, '[^]*');
  const written = text.slice(start, k).trim();
  return { end: k, dynamic: { text: written.length > 80 ? `${written.slice(0, 77)}...` : written, produces: new RegExp(`^${source}$`) } };
}

/** A template literal's parts from after its backtick: [index after it, literal texts with null for each `${…}`]. */
function templatePieces(text: string, i: number, limit: number): [number, (string | null)[]] {
  const pieces: (string | null)[] = [];
  let from = i;
  for (let k = i; k < limit; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '`') {
      pieces.push(unescape(text.slice(from, k)));
      return [k + 1, pieces];
    } else if (c === '$' && text[k + 1] === '{') {
      pieces.push(unescape(text.slice(from, k)), null);
      let depth = 1;
      k += 2;
      while (k < limit && depth > 0) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
        k++;
      }
      from = k;
      k--;
    }
  }
  return [limit, pieces];
}

function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}

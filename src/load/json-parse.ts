// JSON.parse, with object keys that come out as written. V8's JSON.parse in Node 24 (seen
// on 24.21.0) guesses a key from the object shapes it made before, anywhere in the process:
// once an object had the keys "x", "\\n" (a backslash and an n), `{"x": 1, "\n": 2}` reads
// its second key as "\\n" again, not a newline; after "a\\", `"a\u0062"` reads as "a\\". It
// compares the guess with the key's escaped text, not its meaning. A key written without a
// backslash is never misread: the guess then either equals the key or is refused. So a
// text whose keys have escapes has them written out first (`"\u00e9"` as "é", `"\/"` as
// "/"); the few keys that cannot be written without a backslash (those holding a quote, a
// backslash or a control character) are read by a parser of our own.
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

/** JSON.parse's value of the text, every key as written. Throws what JSON.parse throws. */
export function parseJsonText(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // Most texts have no backslash at all; then no key has an escape.
  if (!text.includes('\\')) return value;
  const escaped = escapedKeys(text);
  if (!escaped.length) return value;
  let out = '';
  let from = 0;
  for (const [start, end] of escaped) {
    const key = JSON.parse(text.slice(start, end)) as string; // a string value: never guessed
    if (/["\\\u0000-\u001f]/.test(key)) return parseSlowly(text);
    out += text.slice(from, start) + '"' + key + '"';
    from = end;
  }
  return JSON.parse(out + text.slice(from));
}

/** Just past the JSON string that opens at `i`: the first quote after an even run of backslashes. */
export function stringEnd(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return text.length;
    let slashes = 0;
    for (let j = q - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** [start, end) of every key (a string followed by a colon) that holds a backslash. */
function escapedKeys(text: string): [number, number][] {
  const found: [number, number][] = [];
  const length = text.length;
  let slash = text.indexOf('\\'); // the next backslash at or after the string's start
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i)) {
    const end = stringEnd(text, i);
    if (slash >= 0 && slash < i) slash = text.indexOf('\\', i);
    if (slash < 0) return found; // no backslash left: no escaped key
    if (slash < end) {
      let next = end;
      while (next < length && text.charCodeAt(next) <= 32) next++;
      if (text.charCodeAt(next) === COLON) found.push([i, end]);
    }
    i = end;
  }
  return found;
}

/**
 * A plain recursive-descent reading of text JSON.parse has already accepted (so no error
 * handling), for the rare text with a key no escape-free spelling exists for. Iterative over
 * containers: no nesting exhausts the stack.
 */
function parseSlowly(text: string): unknown {
  let i = 0;
  const space = () => {
    while (i < text.length && text.charCodeAt(i) <= 32) i++;
  };
  const string = (): string => {
    const start = i;
    i = stringEnd(text, i);
    return JSON.parse(text.slice(start, i)) as string;
  };
  const scalar = (): unknown => {
    if (text.charCodeAt(i) === QUOTE) return string();
    const start = i;
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return JSON.parse(text.slice(start, i));
  };
  type Frame = { container: Record<string, unknown> | unknown[]; key?: string };
  const stack: Frame[] = [];
  let result: unknown;
  const put = (v: unknown) => {
    const top = stack.at(-1);
    if (!top) result = v;
    else if (Array.isArray(top.container)) top.container.push(v);
    else Object.defineProperty(top.container, top.key!, { value: v, enumerable: true, writable: true, configurable: true });
  };
  space();
  for (;;) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const container = c === '{' ? {} : [];
      put(container);
      stack.push({ container });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') i++;
    else {
      const top = stack.at(-1);
      if (top && !Array.isArray(top.container) && text.charCodeAt(i) === QUOTE) {
        // In an object, a string is a key when it is followed by a colon.
        const s = string();
        space();
        if (text.charCodeAt(i) === COLON) {
          top.key = s;
          i++;
          space();
          continue;
        }
        put(s);
      } else put(scalar());
    }
    space();
    if (!stack.length) return result;
  }
}

// Escaping per output format, one function per place a string stands. Every string in a
// diagnostic or a review may come from a hostile catalog (a file name, a code, quoted
// text), so each format escapes all of it, for the exact context it lands in.

// C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides
// (which can make a terminal show text in another order than it is).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// ---------------------------------------------------------------- terminal

/** For terminals: control characters (ANSI escapes, \r, newlines...) shown as visible escapes. */
export function plainText(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Terminal text that keeps its line breaks; every other control made visible. */
export function plainLines(s: string): string {
  return s.split('\n').map(plainText).join('\n');
}

// ---------------------------------------------------------------- GitHub workflow commands

/** GitHub workflow command message: %, \r and \n are escaped as the runner expects. */
export function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow command property value: also : and , which separate properties. */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ---------------------------------------------------------------- Markdown (GitHub Flavored)

/**
 * Markdown inline code span holding `s` literally: no HTML, link, image, autolink,
 * emphasis or @mention can come out of it. Line breaks and controls become visible escapes.
 * In a table cell, pipes are escaped too (GFM splits cells before it reads code spans,
 * then drops the backslash): pass inTable for every span that stands in a table.
 */
export function markdownCode(s: string, { inTable = false } = {}): string {
  let text = plainText(s);
  if (inTable) text = text.replace(/\|/g, '\\|');
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on both sides keeps a leading or trailing backtick apart from the fence (CommonMark strips one each).
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Inline Markdown that shows exactly the text, anywhere inline (a paragraph, a heading, a
 * table cell, link text): punctuation escaped (the pipe too), HTML as entities, mentions broken.
 */
export function markdownText(s: string): string {
  return plainText(s)
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A zero-width space after @ keeps GitHub from notifying a user or team.
    .replace(/@/g, '@&#8203;');
}

/** A fenced block that no line of `s` can close early. */
export function markdownFence(s: string, info = ''): string {
  const text = plainLines(s).replace(/\n$/, '');
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

/**
 * An http(s) URL as a link destination (`<...>`, with what could end it or split a table
 * cell percent-encoded), or undefined for anything else (javascript:, data:, garbage).
 */
export function markdownUrl(u: string | undefined): string | undefined {
  if (!u) return undefined;
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return `<${url.href.replace(/[<>|\\`\s]/g, (c) => encodeURIComponent(c))}>`;
}

/** A link whose text is already Markdown (`markdownText`/`markdownCode`), or the bare text when the URL is not http(s). */
export function markdownLink(text: string, u: string | undefined): string {
  const dest = markdownUrl(u);
  return dest ? `[${text}](${dest})` : text;
}

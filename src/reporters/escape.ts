// Escaping per output format. Every string in a diagnostic may come from a hostile
// catalog (a file name, a code, quoted text), so each format escapes all of it.

// C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides
// (which can make a terminal show text in another order than it is).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** For terminals: control characters (ANSI escapes, \r, newlines...) shown as visible escapes. */
export function plainText(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** GitHub workflow command message: %, \r and \n are escaped as the runner expects. */
export function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow command property value: also : and , which separate properties. */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Markdown inline code span holding `s` literally: no HTML, link, image, autolink,
 * emphasis or @mention can come out of it. Line breaks and controls become visible escapes.
 * In a table cell, pipes are escaped too (GFM splits cells before it reads code spans).
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

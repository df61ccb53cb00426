// Escaping for the review's own shapes, on top of the reporters' (src/reporters/escape.ts):
// multi-line catalog text for the terminal, Markdown prose that shows exactly its text,
// and fenced blocks no line can close.
import { markdownCode, plainText } from '../reporters/escape.ts';

export { markdownCode as mdCode };

/** Terminal text that keeps its line breaks; every other control made visible. */
export function plain(s: string): string {
  return s.split('\n').map(plainText).join('\n');
}

/** Inline Markdown that shows exactly the text: punctuation escaped, HTML as entities, mentions broken. */
export function mdText(s: string): string {
  return plainText(s)
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A zero-width space after @ keeps GitHub from notifying a user or team.
    .replace(/@/g, '@&#8203;');
}

/** A fenced block that no line of `s` can close early. */
export function mdFence(s: string, info = ''): string {
  const text = plain(s).replace(/\n$/, '');
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

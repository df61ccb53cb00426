// The notice for a #fragment that names no element on the page: a misspelt code, or a
// code from a newer API version. Suggestions use the same closest() as the check.
import { closest } from '../../load/suggest.ts';

/** The decoded fragment, or '' when there is none. */
export function fragmentOf(hash: string): string {
  const raw = hash.replace(/^#/, '');
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function suggestionsFor(fragment: string, codes: string[]): string[] {
  return closest(fragment, codes, 3);
}

/** "a, b or c" as links to the suggested codes. */
export function suggestionLinks(doc: Document, codes: string[], hrefOf: (code: string) => string): Node[] {
  return codes.flatMap((code, i) => {
    const a = doc.createElement('a');
    a.href = hrefOf(code);
    const c = doc.createElement('code');
    c.textContent = code;
    a.append(c);
    return i === 0 ? [a] : [doc.createTextNode(i === codes.length - 1 ? ' or ' : ', '), a];
  });
}

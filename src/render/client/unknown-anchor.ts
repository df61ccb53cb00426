// The notice for a #fragment that names no element on the page: a misspelt code, or a
// code from a newer API version. Suggestions use the same closest() as the check.
import { closest } from '../../catalog/suggest.ts';

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

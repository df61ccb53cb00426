// A mistake in the host site's input (options, catalog path, catalog, links, where the
// plugin is added) as an AstroError without a stack trace: the message and hint say what is
// wrong and how to fix it, and the plugin's own frames would only send the reader into
// node_modules. Astro prints a stack (and a location taken from it) whenever there is one;
// an explicit `loc` (the catalog file and line) is kept.
import { AstroError } from 'astro/errors';

export function userError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

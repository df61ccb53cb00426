// The first syntax error oxc-parser finds in one TypeScript or JavaScript sample, as
// [message, offset]: what sample-syntax.ts reports, and what the thread that parses a large
// catalog's samples ahead of the rules (src/bridges/sample-syntax-early.ts) hands back.
// Nothing else is imported here, so that thread loads only this and the parser.
import { createRequire } from 'node:module';

/** oxc-parser's native binding: parseSync returns the result's fields as getters that each take theirs out of Rust. */
type Binding = { parseSync: (...a: Parameters<typeof import('oxc-parser').parseSync>) => { readonly errors: import('oxc-parser').OxcError[]; readonly program: string } };
let oxc: Binding | undefined;
const require = createRequire(import.meta.url);

/** A syntax error's message and the offset where it starts. */
export type FirstError = [message: string, offset: number];

/**
 * The package's parseSync (oxc-parser's src-js/index.js) wraps the binding's result, reading
 * its module and comments into objects and keeping its AST, as JSON, for a `program` getter
 * that this check never calls: about half of the cost of a short sample, and 10,000 of those
 * strings held until the next collection. Here only the errors are read, and the JSON is
 * taken (and dropped at once) so that it does not wait in Rust's memory for a finalizer.
 * The errors are the binding's own, as the package returns them (a test compares the two).
 */
export function firstSyntaxError(lang: 'ts' | 'js', code: string): FirstError | null {
  oxc ??= require('oxc-parser/src-js/bindings.js') as Binding;
  const result = oxc.parseSync(`sample.${lang}`, code, { lang, sourceType: 'module' });
  const first = result.errors[0];
  void result.program;
  return first ? [first.message, first.labels[0]?.start ?? 0] : null;
}

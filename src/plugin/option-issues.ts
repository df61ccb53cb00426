// Zod's issues as sentences a site author can act on: the option's path, what was expected
// and what was given ("sidebar: expected boolean or object, got string"), and "did you
// mean" for a misspelt option name, as Starlight's own config errors do.
import type { z } from 'zod';
import { closest } from '../load/suggest.ts';

type Issue = z.core.$ZodIssue;

/** `null`, `array` or the `typeof` of a value given where another type was expected. */
export function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

const where = (path: PropertyKey[]) => (path.length ? path.map(String).join('.') : 'the options');

/**
 * One line per issue. `known`: the option names allowed at each object path (`''` for the
 * top level, `'sidebar'` for its object form), for suggestions.
 */
export function issueLines(issues: readonly Issue[], known: Record<string, readonly string[]>, prefix: PropertyKey[] = []): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const names = known[path.map(String).join('.')] ?? [];
        return issue.keys.map((key) => {
          const near = closest(key, names, 1)[0];
          const name = [...path, key].map(String).join('.');
          return `unknown option "${name}": ${near ? `did you mean "${[...path, near].map(String).join('.')}"?` : `expected one of ${names.join(', ')}`}`;
        });
      }
      case 'invalid_type':
        return [`${where(path)}: expected ${issue.expected}, got ${typeOf(issue.input)}`];
      case 'invalid_union': {
        // Every branch failed on the value itself: list what each accepts. Otherwise the
        // branch that got further (an object with a wrong field) says what is wrong.
        const deeper = issue.errors.find((branch) => branch.some((i) => i.path.length > 0 || i.code !== 'invalid_type'));
        if (deeper) return issueLines(deeper, known, path);
        const expected = issue.errors.flatMap((branch) => branch.map((i) => (i.code === 'invalid_type' ? i.expected : i.message)));
        return [`${where(path)}: expected ${[...new Set(expected)].join(' or ')}, got ${typeOf(issue.input)}`];
      }
      case 'too_small':
        return [`${where(path)}: ${issue.origin === 'string' ? 'must not be empty' : issue.message}`];
      default:
        return [`${where(path)}: ${issue.message}`];
    }
  });
}

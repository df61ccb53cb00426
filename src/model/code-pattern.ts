// The catalog's code_pattern is untrusted: a JavaScript RegExp like `^(a+)+$` backtracks
// for minutes on one code. It is compiled with RE2 (re2js), which matches in linear time
// and has no backreferences or lookaround, the syntax that makes backtracking unbounded.
import { RE2JS } from 're2js';
import { LIMITS } from '../load/limits.ts';

/** A matcher for the pattern, or undefined after reporting why it is refused. */
export function codePattern(source: string, refuse: (message: string, hint: string) => void): ((code: string) => boolean) | undefined {
  if (source.length > LIMITS.patternLength) {
    refuse(`code_pattern is longer than ${LIMITS.patternLength} characters`, 'a code pattern is short, e.g. ^[a-z][a-z0-9_]*$');
    return undefined;
  }
  try {
    const re = RE2JS.compile(source);
    // test(): a match anywhere, as matcher().find(), without a Matcher for each code.
    return (code) => re.test(code);
  } catch (err) {
    refuse(`code_pattern is not a valid RE2 regular expression: ${(err as Error).message}`,
      'use plain character classes, groups and quantifiers (RE2 syntax: no backreferences or lookaround), e.g. ^[a-z][a-z0-9_]*$');
    return undefined;
  }
}

import { withSources } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'source-unused-code',
  severity: 'warning',
  scope: 'catalog',
  description: 'No source file emits a code of the catalog (retired codes excepted).',
  why: 'A code the server never returns is either dead (retire it) or emitted in a way the pattern misses.',
  fix: 'Retire the code, or widen `sources` so the scan finds where it is emitted.',
  fail: { files: withSources(['thing_not_found']) },
  pass: { files: withSources(['thing_not_found', 'rate_limited']) },
  firesIn: 'src/bridges/sources.ts (the server sources scan)',
  check: passOn('source-unused-code'),
});

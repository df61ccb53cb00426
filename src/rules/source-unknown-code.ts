import { withSources } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'source-unknown-code',
  severity: 'error',
  scope: 'catalog',
  description: 'The server\'s sources emit a code the catalog does not have.',
  why: 'Every code the API can return needs its page; otherwise its docs_url leads nowhere.',
  fix: 'Add the code to the catalog, or fix the typo in the source (see the hint).',
  fail: { files: withSources(['thing_not_found', 'rate_limted']) },
  pass: { files: withSources(['thing_not_found', 'rate_limited']) },
  firesIn: 'src/bridges/sources.ts (the server sources scan)',
  check: passOn('source-unknown-code'),
});

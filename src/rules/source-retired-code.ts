import { codeFile, withSources } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'source-retired-code',
  severity: 'warning',
  scope: 'catalog',
  description: 'The server\'s sources still emit a retired code.',
  why: 'A retired code is documented as no longer returned; a server that still returns it contradicts its page.',
  fix: 'Emit the replacement code instead, or mark the code deprecated rather than retired.',
  fail: { files: { ...withSources(['thing_not_found', 'rate_limited', 'thing_gone']), ...codeFile({ lifecycle: '{ state: retired, since: v2 }' }) } },
  pass: { files: { ...withSources(['thing_not_found', 'rate_limited']), ...codeFile({ lifecycle: '{ state: retired, since: v2 }' }) } },
  firesIn: 'src/bridges/sources.ts (the server sources scan)',
  check: passOn('source-retired-code'),
});

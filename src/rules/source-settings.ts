import { withSources } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

export default defineRule({
  id: 'source-settings',
  severity: 'error',
  scope: 'catalog',
  description: 'The `sources` settings are unusable: a glob reaching outside the repository (`..` below a wildcard, an absolute path, even in braces), files not read (a symlink leading out, not a regular file), a pattern without exactly one capture group for the code (beside an optional one named `status`) or that cannot run in linear time, files too large to read.',
  why: 'The scan reads hostile settings: it reads nothing outside the repository and runs no pattern that could backtrack for ever.',
  fix: 'Keep globs inside the catalog\'s parent directory (`../` only before the first wildcard) and give the pattern exactly one capture group, around the code.',
  fail: { files: withSources(['thing_not_found', 'rate_limited'], '(ApiError)\\(.([a-z_]+)') },
  pass: { files: withSources(['thing_not_found', 'rate_limited']) },
  firesIn: 'src/bridges/sources.ts (the server sources scan)',
  check: passOn('source-settings'),
});

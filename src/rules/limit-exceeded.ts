import { codeFile } from './example-files.ts';
import { limitExceeded } from '../load/load-rules.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  ...limitExceeded,
  scope: 'file',
  description: 'A catalog file is beyond a bound of the check: too large, nested too deep, or expanding too far through aliases.',
  why: 'The check runs on pull requests from anyone; each bound (src/load/limits.ts, "Limits and safety" in the manual) turns a file built to exhaust memory or time into a diagnostic.',
  fix: 'Catalog files are small and shallow: split or flatten the data, and write values out instead of repeating them through anchors and aliases.',
  fail: { files: codeFile({}, `notes: ${'['.repeat(40)}${']'.repeat(40)}\n`), note: 'a value nested 41 levels deep' },
  pass: { files: codeFile({}, 'notes: A value one level deep.\n') },
  locked: true,
  firesIn: 'src/load/read.ts and src/load/parse.ts (reading and parsing)',
});

import { catalogYaml } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

/** The base fixture's codes, the second built from a template literal or written out. */
const server = (second: string) => ({
  'catalog.yaml': catalogYaml(undefined, `sources:\n  - include: ['server.ts']\n    pattern: ApiError\\(["'\`]([\\w.:-]+)\n`),
  'server.ts': `throw new ApiError("thing_not_found");\nthrow new ApiError(${second});\n`,
});

export default defineRule({
  id: 'source-dynamic-code',
  severity: 'info',
  scope: 'catalog',
  description: 'A call site in the server\'s sources builds its code at run time (a template literal with `${…}`, a concatenation): the scan cannot resolve it.',
  why: 'A code the scan cannot read is neither checked against the catalog nor counted as emitted; the catalog codes it could produce are not reported unused, so nothing is hidden and nothing is made up.',
  fix: 'Write each code as a literal (a `switch` over the reasons, a map of literals), or leave the info where a code is built on purpose (it never fails the check; `rules: { source-dynamic-code: warning }` in catalog.yaml makes it a warning, `off` silences it).',
  fail: { files: server('`rate_${kind}`') },
  pass: { files: server('"rate_limited"') },
  firesIn: 'src/catalog/sources.ts (the server sources scan)',
  check: passOn('source-dynamic-code'),
});

import { catalogYaml } from './example-files.ts';
import { defineRule } from './rule.ts';
import { passOn } from './shared/beyond.ts';

/** The base fixture's codes thrown with a status the pattern captures. */
const server = (status: number) => ({
  'catalog.yaml': catalogYaml(undefined, `sources:\n  - include: ['server.ts']\n    pattern: ApiError\\("([\\w.:-]+)", (?<status>\\d{3})\n`),
  'server.ts': `throw new ApiError("thing_not_found", 404);\nthrow new ApiError("rate_limited", ${status});\n`,
});

export default defineRule({
  id: 'source-status-mismatch',
  severity: 'error',
  scope: 'catalog',
  description: 'The server\'s sources throw a code with an HTTP status the catalog does not give it (when the pattern captures the status in a group named `status`).',
  why: 'Clients branch on the status the page documents; a server that sends another one breaks them.',
  fix: 'Send the catalog\'s status, or add the status to the code\'s `status` if the API really returns it.',
  fail: { files: server(500) },
  pass: { files: server(429) },
  firesIn: 'src/catalog/sources.ts (the server sources scan)',
  check: passOn('source-status-mismatch'),
});

// SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, IDE viewers): the registry's
// rules as the tool's rules, each diagnostic a result at its file, line and column.
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCUMENTED_RULES, explainText, rulePageUrl } from '../rules/docs.ts';
import type { Reporter } from './reporter.ts';
import type { Severity } from '../load/diagnostics.ts';

/** SARIF's levels: an info is a note ("none" would say the result is no finding at all). */
const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const satisfies Record<Severity, string>;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A file path as a URI reference: relative paths stay relative (to the working directory). */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  // Only the platform's separators separate: on POSIX a backslash is part of a file name.
  // encodeURIComponent leaves only RFC 3986 unreserved characters (and !'()*, sub-delims
  // a path segment may carry), so no ':' makes the first segment read as a scheme.
  return path.split(sep === '\\' ? /[\\/]/ : '/').map(encodeURIComponent).join('/');
}

export const sarif: Reporter = {
  format({ diagnostics }) {
    // Every rule a diagnostic can name, the check's own failure and the site's contract included.
    const index = new Map<string, number>(DOCUMENTED_RULES.map((r, i) => [r.id, i]));
    const rules = DOCUMENTED_RULES.map((r) => {
      return {
        id: r.id,
        shortDescription: { text: r.description },
        fullDescription: { text: r.why },
        help: { text: explainText(r) },
        helpUri: rulePageUrl(r.id),
        defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      };
    });
    const results = diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: index.get(d.rule) ?? -1,
      level: SARIF_LEVEL[d.severity],
      message: { text: d.hint ? `${d.message} (hint: ${d.hint})` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(d.file) },
            region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.col) },
          },
        },
      ],
    }));
    const log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'errcat', rules } }, results }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

import { HEADER_NAME } from '../model/http.ts';
import { locate } from '../load/load.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

export default defineRule({
  id: 'header-format',
  severity: 'error',
  scope: 'file',
  description: 'A response header is malformed: an invalid name, listed twice, a Retry-After that is neither seconds nor a date, or a bad header line in an HTTP example.',
  why: 'Developers copy header names and values into code; they must be what the API really sends.',
  fix: 'Write header names as tokens (letters, digits, `-`), list each once, give Retry-After in whole seconds.',
  fail: { files: codeFile({}, 'headers:\n  - name: Retry After\n    description: Seconds to wait.\n') },
  pass: { files: codeFile({}, 'headers:\n  - name: Retry-After\n    description: Seconds to wait.\n    example: "23"\n') },
  firesIn: 'here (`headers`) and src/model/examples.ts (header lines of HTTP examples)',
  check(ctx, report) {
    for (const { data, file } of ctx.codes) {
      const names = new Set<string>();
      for (const [i, h] of (data.headers ?? []).entries()) {
        if (!HEADER_NAME.test(h.name)) {
          report(file, locate(file, ['headers', i, 'name']), `"${h.name}" is not a valid header name`,
            'header names are tokens: letters, digits and - (e.g. Retry-After)');
        }
        if (names.has(h.name.toLowerCase())) {
          report(file, locate(file, ['headers', i, 'name']), `header "${h.name}" is listed twice`, 'list each header once');
        }
        names.add(h.name.toLowerCase());
        if (h.name.toLowerCase() === 'retry-after' && h.example !== undefined &&
            !/^\d+$/.test(h.example) && Number.isNaN(Date.parse(h.example))) {
          report(file, locate(file, ['headers', i, 'example']), `Retry-After "${h.example}" is neither seconds nor an HTTP date`,
            'use a whole number of seconds, e.g. "23"');
        }
      }
    }
    reportFindings(ctx, 'header', report);
  },
});

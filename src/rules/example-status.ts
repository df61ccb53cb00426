import { codeFile, envelopeBody } from './example-files.ts';
import { defineRule } from './rule.ts';
import { reportFindings } from './shared/examples.ts';

const example = (statusLine: string) => `examples:
  - lang: http
    code: |
      ${statusLine}
      Content-Type: application/json

      ${envelopeBody()}
`;

export default defineRule({
  id: 'example-status',
  severity: 'error',
  scope: 'file',
  description: "An HTTP example has no status line, or shows a status the code is not returned with (also a body's status field).",
  why: 'The status is the first thing a client checks; the example must show one the code is really returned with.',
  fix: "Start HTTP examples with a status line such as `HTTP/1.1 404 Not Found`, using one of the code's statuses.",
  fail: { files: codeFile({}, example('HTTP/1.1 400 Bad Request')) },
  pass: { files: codeFile({}, example('HTTP/1.1 404 Not Found')) },
  firesIn: 'src/model/examples.ts',
  check: (ctx, report) => reportFindings(ctx, 'status', report),
});

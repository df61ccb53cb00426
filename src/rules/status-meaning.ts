import { isErrorStatus } from '../model/http.ts';
import { locate } from '../load/load.ts';
import { statusesOf } from '../model/model.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'status-meaning',
  severity: 'error',
  scope: 'file',
  description: "A code's status has no meaning under `statuses` in catalog.yaml.",
  why: 'The status summary table is derived from the codes and these meanings; each status is explained once, for the whole API.',
  fix: 'Add `"<status>": <what it means>` under `statuses` in catalog.yaml.',
  fail: { files: codeFile({ status: '410' }), note: 'the base catalog explains 404 and 429 only' },
  pass: { files: codeFile({ status: '404' }) },
  check(ctx, report) {
    const { catalog } = ctx;
    if (!catalog) return;
    for (const { data, file } of ctx.codes) {
      for (const [i, s] of statusesOf(data).entries()) {
        if (isErrorStatus(s) && catalog.statuses[String(s)] === undefined) {
          report(file, locate(file, Array.isArray(data.status) ? ['status', i] : ['status']),
            `status ${s} has no meaning in catalog.yaml`, `add \`"${s}": <what it means>\` under statuses in catalog.yaml; the summary table needs it`);
        }
      }
    }
  },
});

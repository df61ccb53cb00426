import { isErrorStatus } from '../model/http.ts';
import { locate } from '../load/load.ts';
import { statusesOf } from '../model/model.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

const HINT = 'errors are returned with a 4xx (client) or 5xx (server) status';

export default defineRule({
  id: 'status-valid',
  severity: 'error',
  scope: 'file',
  description: 'A status is not a registered 4xx or 5xx HTTP status.',
  why: 'An error documented with a success or unregistered status misleads every client that branches on it.',
  fix: 'Use the registered 4xx or 5xx status the API actually returns.',
  fail: { files: codeFile({ status: '299' }) },
  pass: { files: codeFile({ status: '404' }) },
  check(ctx, report) {
    for (const { data, file } of ctx.codes) {
      for (const [i, s] of statusesOf(data).entries()) {
        if (!isErrorStatus(s)) {
          report(file, locate(file, Array.isArray(data.status) ? ['status', i] : ['status']),
            `${s} is not a registered 4xx or 5xx HTTP status`, HINT);
        }
      }
    }
    const { catalog, catalogFile } = ctx;
    if (!catalog || !catalogFile) return;
    for (const key of Object.keys(catalog.statuses)) {
      if (!isErrorStatus(Number(key))) {
        report(catalogFile, locate(catalogFile, ['statuses', key], 'key'),
          `${key} is not a registered 4xx or 5xx HTTP status`, 'list only the error statuses the API returns');
      }
    }
    for (const [i, row] of (catalog.retry_guidance?.rows ?? []).entries()) {
      for (const [j, s] of row.statuses.entries()) {
        if (!isErrorStatus(s)) {
          report(catalogFile, locate(catalogFile, ['retry_guidance', 'rows', i, 'statuses', j]),
            `${s} is not a registered 4xx or 5xx HTTP status`, 'use the statuses of the codes this row covers');
        }
      }
    }
  },
});

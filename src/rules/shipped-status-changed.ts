import { locate } from '../load/load.ts';
import { statusDelta, statusesOf } from '../model/model.ts';
import { codeYaml } from './example-files.ts';
import { defineRule } from './rule.ts';
import { keptCodes } from './shared/lost-codes.ts';

export default defineRule({
  id: 'shipped-status-changed',
  severity: 'error',
  scope: 'catalog',
  description: 'The HTTP status of a shipped code changed.',
  why: 'Clients branch on the status; changing it silently breaks their error handling.',
  fix: 'Keep the shipped status, and add a new code for the new behaviour (deprecating this one if needed).',
  fail: {
    files: { 'codes/thing_not_found.yaml': codeYaml({ code: 'thing_not_found', status: '[404, 429]' }) },
    note: 'thing_not_found shipped with status 404',
  },
  pass: { files: { 'codes/thing_not_found.yaml': codeYaml({ code: 'thing_not_found', status: '404' }) } },
  check(ctx, report) {
    for (const { data, file, shipped } of ctx.shared(keptCodes)) {
      const now = statusesOf(data);
      // A status list is a set: another order is the same contract.
      const { added, removed } = statusDelta(shipped.status, now);
      if (!added.length && !removed.length) continue;
      const delta = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
      report(file, locate(file, ['status']),
        `status of shipped code "${data.code}" changed from ${shipped.status.join(', ')} to ${now.join(', ')} (${delta})`,
        `clients branch on the status: keep ${shipped.status.join(', ')}, and add a new code for the new behaviour (deprecating this one if needed)`);
    }
  },
});

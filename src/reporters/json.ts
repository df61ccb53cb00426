// For tools: the diagnostics as data, each with its rule's page; with --base, the review.
import { rulePageUrl } from '../rules/docs.ts';
import type { Reporter } from './reporter.ts';

export const json: Reporter = {
  format({ diagnostics, codeCount, review, openapi }) {
    const list = diagnostics.map((d) => ({ ...d, docs: rulePageUrl(d.rule) }));
    return `${JSON.stringify({ codes: codeCount, diagnostics: list, review, openapi }, null, 2)}\n`;
  },
};

// Diagnostics that no catalog rule raises, documented like rules so that every diagnostic's
// docs link and `errcat explain` lead somewhere: the check's own failure, and the build's
// verification of the built site. No catalog can configure them, and they have no failing
// catalog to show: a catalog that passes the check cannot trigger them by design.
import { INTERNAL_ERROR, SITE_CONTRACT, type OutsideRuleId } from '../load/diagnostics.ts';

export interface OutsideRule {
  id: OutsideRuleId;
  severity: 'error';
  description: string;
  why: string;
  fix: string;
  firesIn: string;
}

export const OUTSIDE_RULES: readonly OutsideRule[] = [
  {
    id: INTERNAL_ERROR,
    severity: 'error',
    description: 'The check itself failed on this catalog (a bug in errcat, not in the catalog); the command exits 2.',
    why: 'A check that crashes must still say so in its own output format, without a stack trace in a public CI log, and must never pass a catalog it did not finish checking.',
    fix: 'Report it with the catalog (or the smallest part of it that still fails) and the errcat version; meanwhile the diagnostic names the file the check was reading.',
    firesIn: 'src/check/check.ts (around the whole pipeline)',
  },
  {
    id: SITE_CONTRACT,
    severity: 'error',
    description: "The built site breaks the docs_url contract: a code's id is missing, repeated or taken by another element, a link or plain URL does not resolve, or an export lists other codes than the catalog.",
    why: "Every error the API returns links to its code's heading. The build reads the HTML it produced and refuses to publish a site on which one of those links would land elsewhere; dist/ keeps the previous site.",
    fix: 'The message names the code and what took its place: usually a theme override or a docs page that reuses an id. Rename that element or page anchor; a code name never changes once shipped.',
    firesIn: 'src/build/verify.ts (after every build, before the site is swapped in)',
  },
];

export function outsideRuleById(id: string): OutsideRule | undefined {
  return OUTSIDE_RULES.find((r) => r.id === id);
}

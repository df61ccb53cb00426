// `rules:` in catalog.yaml: a catalog may turn a warning- or info-level rule off, to info
// (reported, never failing) or up to error. Error-level rules (stability, the invariants behind docs_url, everything the page
// needs to build) always apply; rules-config reports attempts to relax them.
import type { Diagnostic, Severity } from '../load/diagnostics.ts';
import type { Rule } from './rule.ts';

export const RULE_SETTINGS: readonly string[] = ['off', 'info', 'warning', 'error'];
export type RuleSetting = Severity | 'off';

export function configurable(rule: Pick<Rule, 'severity'>): boolean {
  return rule.severity !== 'error';
}

/** The `rules` entries of catalog.yaml's data, read leniently (the schema reports bad shapes). */
export function ruleSettings(data: unknown): [string, string][] {
  const rules = (data as { rules?: unknown } | null | undefined)?.rules;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return [];
  return Object.entries(rules).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** The diagnostics with the catalog's settings applied to the rules that allow it. */
export function applyRuleSettings(list: Diagnostic[], data: unknown, ruleById: (id: string) => Rule | undefined): Diagnostic[] {
  const settings = new Map<string, RuleSetting>();
  for (const [id, setting] of ruleSettings(data)) {
    const rule = ruleById(id);
    if (rule && configurable(rule) && RULE_SETTINGS.includes(setting)) settings.set(id, setting as RuleSetting);
  }
  if (settings.size === 0) return list;
  return list.flatMap((d) => {
    const setting = settings.get(d.rule);
    if (setting === undefined) return [d];
    return setting === 'off' ? [] : [{ ...d, severity: setting }];
  });
}

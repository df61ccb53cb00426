// A rule's documentation, from the registry: the page `errcat explain <rule>` prints and
// the manual's rule pages (scripts/docs/rule-pages.ts).
import { RULES, ruleById, type Rule } from './index.ts';
import { configurable } from './config.ts';
import type { RuleExample } from './rule.ts';
import type { Severity } from '../load/diagnostics.ts';
import { OUTSIDE_RULES, outsideRuleById, type OutsideRule } from './outside.ts';
// The package's own manifest, two levels up from src/rules/ and lib/rules/ alike; the CLI's
// bundle inlines it, so a start reads no file for it.
import manifest from '../../package.json' with { type: 'json' };

/** Anything a diagnostic can name: a catalog rule, or a diagnostic from outside the rule set. */
export type DocumentedRule = Rule | OutsideRule;

export function documentedRule(id: string): DocumentedRule | undefined {
  return ruleById(id) ?? outsideRuleById(id);
}

/** Every documented rule, catalog rules first. */
export const DOCUMENTED_RULES: readonly DocumentedRule[] = [...RULES, ...OUTSIDE_RULES];

const isCatalogRule = (rule: DocumentedRule): rule is Rule => 'fail' in rule;

/**
 * Where the rule pages are published: `rules/` under the package's `homepage` (package.json,
 * the one place that names the project's documentation site: the manual in docs/, which
 * generates them from this registry). Sites that add the plugin do not publish them, so every
 * diagnostic links here, whatever the catalog's docs_url; offline, `errcat explain <rule>`
 * prints the same page.
 */
export const RULE_DOCS_URL = new URL('rules/', manifest.homepage).href;

/** The path of the rule pages on the project's site (`/rules/`). */
export const RULE_PAGE_PATH = new URL(RULE_DOCS_URL).pathname;

/** The published page of a rule. */
export function rulePageUrl(id: string): string {
  return `${RULE_DOCS_URL}${id}/`;
}

/** The other settings a configurable rule accepts (see config.ts). */
const CONFIG_WORDS: Record<Severity, string> = { error: '', warning: 'off, info or error', info: 'off, warning or error' };

export function severityLine(rule: DocumentedRule): string {
  if (!isCatalogRule(rule)) return `${rule.severity}; not a catalog rule, so no catalog can configure it`;
  return configurable(rule)
    ? `${rule.severity} by default; a catalog may set it to ${CONFIG_WORDS[rule.severity]} (\`rules: { ${rule.id}: off }\` in catalog.yaml)`
    : `${rule.severity}; cannot be turned off`;
}

function exampleText(example: RuleExample): string {
  const out: string[] = [];
  if (example.note) out.push(`(${example.note})`);
  if (example.base) {
    out.push('base revision:');
    for (const [file, text] of Object.entries(example.base)) out.push(...fileText(file, text));
    out.push('this revision:');
  }
  for (const [file, text] of Object.entries(example.files)) out.push(...fileText(file, text));
  return out.join('\n');
}

function fileText(file: string, text: string | null): string[] {
  if (text === null) return [`  ${file}: deleted`];
  return [`  # ${file}`, ...text.trimEnd().split('\n').map((l) => `  ${l}`)];
}

/** The page `errcat explain <rule>` prints: plain text, like `rustc --explain`. */
export function explainText(rule: DocumentedRule): string {
  const examples = isCatalogRule(rule) ? ['', 'Fails', exampleText(rule.fail), '', 'Passes', exampleText(rule.pass)] : [];
  return [
    `${rule.id}: ${rule.description}`,
    '',
    `Severity: ${severityLine(rule)}.`,
    '',
    'Why',
    `  ${rule.why}`,
    ...examples,
    '',
    'How to fix',
    `  ${rule.fix}`,
    ...(rule.firesIn ? ['', `Checked in ${rule.firesIn}.`] : []),
    '',
    `Online: ${rulePageUrl(rule.id)}`,
  ].join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rule table of the manual's rules page. */
export function rulesTable(rules: readonly DocumentedRule[] = DOCUMENTED_RULES): string {
  const kind = (r: DocumentedRule) => (!isCatalogRule(r) ? ' (not a catalog rule)' : configurable(r) ? ' (configurable)' : '');
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => `| \`${r.id}\` | ${r.severity}${kind(r)} | ${cell(r.description)} |`);
  return ['| Rule | Severity | Reports |', '|---|---|---|', ...rows].join('\n');
}

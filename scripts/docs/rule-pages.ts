// The manual's rule pages, from the registry: what `errcat explain <rule>` prints, as
// Markdown, one page per rule at rules/<id>/ (where every diagnostic's link points).
import { DOCUMENTED_RULES, rulesTable, severityLine, type DocumentedRule } from '../../src/rules/docs.ts';
import type { RuleExample } from '../../src/rules/rule.ts';
import { fence, page, prose } from './markdown.ts';

const SOURCE = 'the rule registry';

function langOf(file: string): string {
  if (/\.ya?ml$/.test(file)) return 'yaml';
  if (file.endsWith('.json')) return 'json';
  return 'text';
}

function files(entries: Record<string, string | null>): string[] {
  return Object.entries(entries).map(([file, text]) => (text === null ? `\`${file}\`: deleted` : fence(text, langOf(file), file)));
}

function example(heading: string, ex: RuleExample): string[] {
  return [
    `## ${heading}`,
    '',
    ...(ex.note ? [prose(ex.note), ''] : []),
    ...(ex.base ? ['Base revision:', '', ...files(ex.base).flatMap((f) => [f, '']), 'This revision:', ''] : []),
    ...files(ex.files).flatMap((f) => [f, '']),
  ];
}

export function rulePage(rule: DocumentedRule): string {
  const examples = 'fail' in rule ? [...example('Fails', rule.fail), ...example('Passes', rule.pass)] : [];
  return page(rule.id, rule.description, [
    prose(rule.description),
    '',
    `**Severity:** ${prose(severityLine(rule))}.`,
    '',
    '## Why',
    '',
    prose(rule.why),
    '',
    ...examples,
    '## How to fix',
    '',
    prose(rule.fix),
    '',
    ...(rule.firesIn ? [`Checked in ${prose(rule.firesIn)}.`, ''] : []),
    `In a terminal: \`npx errcat explain ${rule.id}\`.`,
  ], SOURCE);
}

/** The rules index: the table, each rule linked to its page. */
export function rulesIndex(base: string): string {
  const table = rulesTable().replace(/^\| `([a-z0-9-]+)` \|/gm, (_, id: string) => `| [\`${id}\`](${base}rules/${id}/) |`);
  return page('Rules', 'Every rule of the check: what it reports and how severe it is.', [
    'Every rule is one module of the registry (in the style of stylelint and Biome): its id,',
    'default severity, a one-line description, why it exists, a failing and a passing',
    'example, how to fix it, and its check. `errcat explain <rule>` prints the same page in a',
    'terminal; every diagnostic links to its rule\'s page here. A test fails when a rule lacks',
    'its documentation or examples, or when its failing example does not produce it (or its',
    'passing example does).',
    '',
    'A catalog can turn a warning or an info off, down or up: see [Turning a warning off or up](' + base + 'guides/check/#turning-a-warning-off-or-up). An info never fails the check: see [Severities](' + base + 'guides/check/#severities).',
    '',
    table,
  ], SOURCE);
}

export { DOCUMENTED_RULES };

// `errcat explain <rule>`: a rule's page, like `rustc --explain`; `--list` lists the rules.
import { DOCUMENTED_RULES, documentedRule, explainText } from '../rules/docs.ts';
import { misuse } from './misuse.ts';
import { parseArgs } from './args.ts';
import { didYouMean } from './help.ts';

export function explain(args: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({ args, options: { list: { type: 'boolean' } }, allowPositionals: true });
  if (values.list) {
    const width = Math.max(...DOCUMENTED_RULES.map((r) => r.id.length));
    for (const r of [...DOCUMENTED_RULES].sort((a, b) => a.id.localeCompare(b.id))) {
      out.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}\n`);
    }
    return 0;
  }
  if (positionals.length !== 1) throw misuse('explain takes one rule id (or --list)');
  const id = positionals[0]!;
  const rule = documentedRule(id);
  if (!rule) {
    throw misuse(`unknown rule "${id}"${didYouMean(id, DOCUMENTED_RULES.map((r) => r.id))} (errcat explain --list)`, { brief: true });
  }
  out.write(`${explainText(rule)}\n`);
  return 0;
}


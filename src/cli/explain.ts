// `errcat explain <rule>`: a rule's page, like `rustc --explain`; `--list` lists the rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { catalogDir } from '../config.ts';
import { CATALOG_FILE } from '../catalog/load.ts';
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
  out.write(`${explainText(rule, docsUrlOfCatalog())}\n`);
  return 0;
}

/** docs_url of the catalog in $CATALOG_DIR (or ./catalog), if it can be read: rule pages are published on its site. */
function docsUrlOfCatalog(): string | undefined {
  try {
    const data = load(readFileSync(join(catalogDir(), CATALOG_FILE), 'utf8'), { schema: CORE_SCHEMA }) as { docs_url?: unknown };
    return typeof data?.docs_url === 'string' ? data.docs_url : undefined;
  } catch {
    return undefined;
  }
}

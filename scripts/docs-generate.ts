// npm run docs:generate: the manual's generated pages (rules, CLI, catalog format), written
// before every docs build from the registry, the CLI's usage text and the schema, so they
// cannot drift. The directories are gitignored and replaced whole.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPage } from './docs/catalog-page.ts';
import { benchmarkResults } from './docs/benchmark-page.ts';
import { cliPage } from './docs/cli-page.ts';
import { DOCUMENTED_RULES, rulePage, rulesIndex } from './docs/rule-pages.ts';
import { DOCS_ROOT, GENERATED_DIRS, MANUAL } from './docs/site.ts';

const content = join(DOCS_ROOT, 'src/content/docs');
for (const dir of GENERATED_DIRS) rmSync(join(DOCS_ROOT, dir), { recursive: true, force: true });

const pages: Record<string, string> = {
  'rules/index.md': rulesIndex(MANUAL.base),
  'reference/cli.md': cliPage(MANUAL.base),
  'reference/catalog.md': catalogPage(MANUAL.base),
  'reference/benchmark-results.md': benchmarkResults(readFileSync('bench/RESULTS.md', 'utf8')),
};
for (const rule of DOCUMENTED_RULES) pages[`rules/${rule.id}.md`] = rulePage(rule);

for (const [path, text] of Object.entries(pages)) {
  mkdirSync(join(content, path, '..'), { recursive: true });
  writeFileSync(join(content, path), text);
}
process.stdout.write(`docs:generate: ${Object.keys(pages).length} pages in ${content}\n`);

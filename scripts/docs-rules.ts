// npm run docs:rules: regenerate the README's rule table from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../src/rules/docs.ts';

const before = readFileSync('README.md', 'utf8');
const after = withRulesTable(before);
if (after !== before) writeFileSync('README.md', after);
process.stdout.write(after === before ? 'README.md rule table is up to date\n' : 'README.md rule table regenerated\n');

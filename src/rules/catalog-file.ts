import { codeFile } from './example-files.ts';
import { catalogFileRule } from '../load/load-rules.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  ...catalogFileRule,
  scope: 'file',
  description: 'The catalog directory has no catalog.yaml.',
  why: 'catalog.yaml holds the page: the API name, docs_url, envelope and categories every code refers to.',
  fix: 'Create catalog.yaml in the catalog directory (copy one from an existing catalog and edit it).',
  fail: { files: { 'catalog.yaml': null }, note: 'catalog.yaml deleted' },
  pass: { files: codeFile(), note: 'catalog.yaml present' },
  firesIn: 'src/load/load.ts (reading the directory)',
});

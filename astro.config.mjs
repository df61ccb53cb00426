// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightErrorCatalog from './src/plugin/index.ts';

// This site is only the error reference: everything API-specific (title, site, page path,
// codes) comes from the catalog, which CATALOG_DIR picks (default ./catalog). OUT_DIR lets
// scripts/build.ts build into a temporary directory and swap it into place on success.
export default defineConfig({
  outDir: process.env.OUT_DIR || './dist',
  integrations: [
    starlight({
      // Replaced by the catalog's API name and description (siteTitle).
      title: 'Error reference',
      // The project's own site also carries the check's rule pages, where every diagnostic links.
      plugins: [starlightErrorCatalog({ siteTitle: true, landing: true, rulePages: true })],
    }),
  ],
});

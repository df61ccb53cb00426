// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
// By the package's name, as any host site imports it. In this repository npm runs everything
// with the errcat-source condition (.npmrc), so the name resolves to src/ and `npm run dev`
// reloads component edits; a host site gets the compiled lib/.
import starlightErrorCatalog from 'starlight-error-catalog/plugin';

// This site is only the error reference: everything API-specific (title, site, page path,
// codes) comes from the catalog, which CATALOG_DIR picks (default ./catalog). OUT_DIR lets
// scripts/build.ts build into a temporary directory and swap it into place on success.
export default defineConfig({
  outDir: process.env.OUT_DIR || './dist',
  // The benchmarks and browser tests build whole sites under .tmp/ (thousands of files): a
  // dev server started meanwhile need not watch them.
  vite: { server: { watch: { ignored: ['**/.tmp/e2e/**', '**/.tmp/bench/**'] } } },
  integrations: [
    starlight({
      // Replaced by the catalog's API name and description (siteTitle).
      title: 'Error reference',
      // The project's own site also carries the check's rule pages, where every diagnostic links.
      plugins: [starlightErrorCatalog({ siteTitle: true, landing: true })],
    }),
  ],
});

// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightErrorCatalog from './src/plugin/index.ts';

// Everything API-specific (title, site, page path, codes) comes from the catalog:
// CATALOG_DIR picks it (default ./catalog). OUT_DIR lets scripts/build.ts build into a
// temporary directory and swap it into place only when the build succeeds.
export default defineConfig({
  outDir: process.env.OUT_DIR || './dist',
  integrations: [
    starlight({
      // Replaced by the plugin with the catalog's API name and description.
      title: 'Error reference',
      plugins: [starlightErrorCatalog()],
    }),
  ],
});

// @ts-check
// The manual: errcat's documentation site, built with Starlight (the project's own product
// used on itself): `npm run docs:build` (generates the reference pages first, then builds
// into docs/dist; starlight-links-validator fails the build on a broken link).
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { MANUAL } from '../scripts/docs/site.ts';

export default defineConfig({
  site: MANUAL.site,
  base: MANUAL.base,
  trailingSlash: 'always',
  outDir: './dist',
  // Rule texts and guides are full of `--options` and 'quoted' names: keep them as written.
  markdown: { smartypants: false },
  integrations: [
    starlight({
      title: 'errcat manual',
      description: 'An API error reference from one YAML catalog, and the check that keeps it honest.',
      customCss: ['./src/styles/manual.css'],
      sidebar: [
        { label: 'Start here', items: ['index', 'guides/getting-started'] },
        {
          label: 'Guides',
          items: ['guides/catalog', 'guides/check', 'guides/plugin', 'guides/site', 'guides/review', 'guides/openapi', 'guides/limits'],
        },
        { label: 'Reference', items: ['reference/catalog', 'reference/cli', 'rules'] },
        { label: 'Every rule', collapsed: true, items: [{ autogenerate: { directory: 'rules' } }] },
        { label: 'Project', items: ['guides/benchmarks', 'reference/benchmark-results', 'guides/architecture', 'guides/contributing'] },
      ],
      plugins: [starlightLinksValidator()],
    }),
  ],
});

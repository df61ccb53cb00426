// The Astro side of the plugin: the virtual module carrying the checked model, the
// injected routes, and `site` from the catalog's docs_url.
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogModel } from '../catalog/model.ts';
import { serializeModel } from '../render/model-data.ts';

export const VIRTUAL_ID = 'virtual:starlight-error-catalog/model';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

const route = (file: string) => fileURLToPath(new URL(`../routes/${file}`, import.meta.url));

export function errorCatalogIntegration({ dir, model, exports }: { dir: string; model: CatalogModel; exports: boolean }): AstroIntegration {
  return {
    name: 'starlight-error-catalog',
    hooks: {
      'astro:config:setup'({ config, updateConfig, injectRoute, addWatchFile }) {
        const page = model.pagePath.replace(/^\/+|\/+$/g, '');
        if (!config.site) updateConfig({ site: model.site });
        injectRoute({ pattern: page ? `/${page}` : '/', entrypoint: route('errors.astro'), prerender: true });
        injectRoute({ pattern: page ? `/${page}/[code]` : '/[code]', entrypoint: route('code-redirect.astro'), prerender: true });
        if (page) injectRoute({ pattern: '/', entrypoint: route('index.astro'), prerender: true });
        if (exports) {
          injectRoute({ pattern: '/errors.json', entrypoint: route('errors.json.ts'), prerender: true });
          injectRoute({ pattern: '/errors.d.ts', entrypoint: route('errors.d.ts.ts'), prerender: true });
          injectRoute({ pattern: '/errors.openapi.json', entrypoint: route('errors.openapi.json.ts'), prerender: true });
          injectRoute({ pattern: '/llms.txt', entrypoint: route('llms.txt.ts'), prerender: true });
          injectRoute({ pattern: '/llms-full.txt', entrypoint: route('llms-full.txt.ts'), prerender: true });
        }
        // Dev server: editing the catalog restarts it, which re-runs the check.
        addWatchFile(join(dir, 'catalog.yaml'));
        try {
          for (const f of readdirSync(join(dir, 'codes'))) addWatchFile(join(dir, 'codes', f));
        } catch {
          /* no codes dir: the check already reported it */
        }
        const source = `import { hydrateModel } from ${JSON.stringify(fileURLToPath(new URL('../render/model-data.ts', import.meta.url)))};
export default hydrateModel(${JSON.stringify(serializeModel(model))});
export const options = ${JSON.stringify({ exports })};`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'starlight-error-catalog:model',
                resolveId(id: string) {
                  return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
                },
                load(id: string) {
                  return id === RESOLVED_ID ? source : undefined;
                },
              },
            ],
          },
        });
      },
    },
  };
}

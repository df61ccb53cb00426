// Starlight plugin: publish an error catalog as a page of a Starlight site. For `astro
// build` and `astro dev` only, it runs the same check as the CLI in `config:setup`; a
// catalog with errors stops with an AstroError carrying the diagnostics. It adds the
// routes, the sidebar link (a route middleware) and, in dev, follows catalog edits.
import type { StarlightPlugin } from '@astrojs/starlight/types';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { checkCatalog } from '../catalog/check.ts';
import type { CatalogModel } from '../catalog/model.ts';
import { catalogDir } from '../config.ts';
import { siteTitle, titleText } from '../render/page.ts';
import { catalogCheckError } from './errors.ts';
import { errorCatalogIntegration, logCheck } from './integration.ts';
import { validateOptions, type StarlightErrorCatalogUserOptions } from './options.ts';
import { ownModule } from '../own-module.ts';

export type { StarlightErrorCatalogUserOptions } from './options.ts';

export default function starlightErrorCatalog(userOptions?: StarlightErrorCatalogUserOptions): StarlightPlugin {
  const options = validateOptions(userOptions);
  return {
    name: 'starlight-error-catalog',
    hooks: {
      'config:setup'({ config, astroConfig, command, addIntegration, addRouteMiddleware, updateConfig, logger }) {
        // preview serves what build wrote; sync and the rest need no catalog.
        if (command !== 'build' && command !== 'dev') return;
        const dir = catalogDir(options.catalog, process.env, fileURLToPath(astroConfig.root));
        const result = checkCatalog(dir);
        if (!result.model) throw catalogCheckError(result);
        logCheck(logger, result);
        if (options.siteTitle) updateConfig({ title: siteTitle(result.model), description: result.model.catalog.description });
        // The plugin's 404 page suggests codes for unknown plain URLs (src/routes/404.astro).
        if (options.notFound) updateConfig({ disable404Route: true });
        const catalog = { dir, result };
        // The sitemap lists real pages only, not the noindex pages that forward a code's plain
        // URL to its heading. Starlight adds its own sitemap only when none is present; a site
        // with its own @astrojs/sitemap keeps it.
        if (!astroConfig.integrations.some((i) => i.name === '@astrojs/sitemap')) {
          addIntegration(sitemap({ filter: (page) => !isForwardingPage(page, catalog.result.model) }));
        }
        if (options.sidebar !== false) {
          addRouteMiddleware({ entrypoint: ownModule('./middleware.ts', import.meta.url), order: 'post' });
        }
        // The pages end their <title> in the site's title like every page of the site.
        const locales = config.locales as Record<string, { lang?: string }> | undefined;
        const hostTitle = options.siteTitle ? undefined : titleText(config.title, locales?.[config.defaultLocale ?? 'root']?.lang);
        addIntegration(errorCatalogIntegration(catalog, options, hostTitle));
      },
    },
  };
}

/** A page of the sitemap that only forwards a code's plain URL (<page>/<code>/) to its heading. */
function isForwardingPage(page: string, model: CatalogModel | undefined): boolean {
  const prefix = `${model?.pagePath.replace(/\/$/, '')}/`;
  const path = new URL(page).pathname;
  return !!model && path.startsWith(prefix) && model.byCode.has(path.slice(prefix.length).replace(/\/$/, ''));
}

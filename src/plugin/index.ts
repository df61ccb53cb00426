// Starlight plugin: publish an error catalog as a page of a Starlight site. For `astro
// build` and `astro dev` only, it runs the same check as the CLI in `config:setup`; a
// catalog with errors stops with an AstroError carrying the diagnostics. It adds the
// routes, the sidebar link and the 404 page's code forwarding (a route middleware) and, in
// dev, follows catalog edits. The site keeps its title, 404 page and sitemap.
import type { StarlightPlugin } from '@astrojs/starlight/types';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { checkCatalog } from '../check/check.ts';
import { CatalogDirError } from '../load/load.ts';
import type { CatalogModel } from '../model/model.ts';
import { siteTitle, titleText } from '../render/page.ts';
import { catalogNotFoundError, locateCatalog, type CatalogLocation } from './catalog-path.ts';
import { catalogCheckError, notInStarlightError } from './errors.ts';
import { errorCatalogIntegration, logCheck } from './integration.ts';
import { validateOptions, type StarlightErrorCatalogUserOptions } from './options.ts';
import { ownModule } from '../own-module.ts';

export type { StarlightErrorCatalogUserOptions } from './options.ts';

export default function starlightErrorCatalog(userOptions?: StarlightErrorCatalogUserOptions): StarlightPlugin {
  const options = validateOptions(userOptions);
  const plugin = {
    name: 'starlight-error-catalog',
    hooks: {
      // Astro's hook, run only when the plugin is (wrongly) one of Astro's integrations;
      // Starlight's plugin schema drops it, so inside starlight({ plugins }) it never runs.
      'astro:config:setup'(): never {
        throw notInStarlightError();
      },
      'config:setup'({ config, astroConfig, command, addIntegration, addRouteMiddleware, updateConfig, logger }) {
        // preview serves what build wrote; sync and the rest need no catalog.
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(astroConfig.root);
        const location = locateCatalog(options.catalog, process.env, root);
        const { dir } = location;
        const result = checkOrExplain(location, root);
        if (!result.model) throw catalogCheckError(result);
        logCheck(logger, result);
        if (options.siteTitle) updateConfig({ title: siteTitle(result.model), description: result.model.catalog.description });
        const catalog = { dir, result };
        // The sitemap lists real pages only, not the noindex pages that forward a code's plain
        // URL to its heading. Starlight adds its own sitemap only when none is present; a site
        // with its own @astrojs/sitemap keeps it.
        if (!astroConfig.integrations.some((i) => i.name === '@astrojs/sitemap')) {
          addIntegration(sitemap({ filter: (page) => !isForwardingPage(page, catalog.result.model, astroConfig.base) }));
        }
        // The sidebar link, and the 404 page's forwarding of a missing code URL (not-found.ts).
        if (options.sidebar !== false || options.notFound) {
          addRouteMiddleware({ entrypoint: ownModule('./middleware.ts', import.meta.url), order: 'post' });
        }
        // The pages end their <title> in the site's title like every page of the site.
        const locales = config.locales as Record<string, { lang?: string }> | undefined;
        const hostTitle = options.siteTitle ? undefined : titleText(config.title, locales?.[config.defaultLocale ?? 'root']?.lang);
        addIntegration(errorCatalogIntegration(catalog, options, hostTitle));
      },
    },
  } satisfies StarlightPlugin & { hooks: { 'astro:config:setup'(): never } };
  return plugin;
}

/** The check's result; a missing catalog directory is an AstroError saying where it was looked for. */
function checkOrExplain(location: CatalogLocation, root: string) {
  try {
    return checkCatalog(location.dir);
  } catch (error) {
    if (error instanceof CatalogDirError) throw catalogNotFoundError(location, root);
    throw error;
  }
}

/** A page of the sitemap that only forwards a code's plain URL (<base><page>/<code>/) to its heading. */
export function isForwardingPage(page: string, model: CatalogModel | undefined, base = '/'): boolean {
  const prefix = `${base.replace(/\/$/, '')}${model?.pagePath.replace(/\/$/, '')}/`;
  const path = new URL(page).pathname;
  return !!model && path.startsWith(prefix) && model.byCode.has(path.slice(prefix.length).replace(/\/$/, ''));
}

// The Astro side of the plugin: the injected routes, `site` from the catalog's docs_url
// when the site sets none, and the Vite plugin with the virtual modules.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../check/check.ts';
import { hasErrors } from '../load/diagnostics.ts';
import { summaryLine } from '../reporters/reporter.ts';
import { textLines } from '../reporters/text.ts';
import { siteLinksError } from './errors.ts';
import { checkSiteLinks, readBuiltPages, readDocsSources } from './links.ts';
import type { StarlightErrorCatalogOptions } from './options.ts';
import type { LiveCatalog } from './dev.ts';
import { vitePluginErrorCatalog } from './vite.ts';
import { ownModule } from '../own-module.ts';

const route = (file: string) => ownModule(`../routes/${file}`, import.meta.url);

/** One line per check in the terminal; the diagnostics below it when there are any. */
export function logCheck(logger: AstroIntegrationLogger, result: CheckResult): void {
  const line = `${summaryLine(result.diagnostics, result.codeCount)} (${result.dir})`;
  const list = result.diagnostics.length ? `${line}\n${textLines(result.diagnostics)}` : line;
  // Info never fails the build, nor makes it look like it might: it is logged as info.
  if (hasErrors(result.diagnostics)) logger.error(list);
  else if (result.diagnostics.some((d) => d.severity === 'warning')) logger.warn(list);
  else logger.info(list);
}

/** `hostTitle`: the site's own title, for the pages' `<title>` (undefined when the plugin sets the API's). */
export function errorCatalogIntegration(catalog: LiveCatalog, options: StarlightErrorCatalogOptions, hostTitle?: string): AstroIntegration {
  let base = '/';
  let docsDir = '';
  return {
    name: 'starlight-error-catalog',
    hooks: {
      'astro:config:setup'({ config, updateConfig, injectRoute, logger }) {
        const model = catalog.result.model!;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        docsDir = fileURLToPath(new URL('content/docs/', config.srcDir));
        const page = model.pagePath.replace(/^\/+|\/+$/g, '');
        if (!config.site) updateConfig({ site: model.site });
        injectRoute({ pattern: page ? `/${page}` : '/', entrypoint: route('errors.astro'), prerender: true });
        injectRoute({ pattern: page ? `/${page}/[code]` : '/[code]', entrypoint: route('code-redirect.astro'), prerender: true });
        if (page && options.landing) injectRoute({ pattern: '/', entrypoint: route('index.astro'), prerender: true });
        // Starlight's pages link /favicon.svg; emit one unless the site has its own.
        if (!existsSync(new URL('favicon.svg', config.publicDir))) {
          injectRoute({ pattern: '/favicon.svg', entrypoint: route('favicon.svg.ts'), prerender: true });
        }
        if (options.exports) {
          for (const file of ['errors.json', 'errors.d.ts', 'errors.openapi.json', 'llms.txt', 'llms-full.txt']) {
            injectRoute({ pattern: `/${file}`, entrypoint: route(`${file}.ts`), prerender: true });
          }
        }
        const sidebar = options.sidebar === false ? false : options.sidebar === true ? {} : options.sidebar;
        updateConfig({
          vite: { plugins: [vitePluginErrorCatalog(catalog, { exports: options.exports, sidebar, notFound: options.notFound, base, siteTitle: hostTitle }, (r) => logCheck(logger, r))] },
        });
      },
      'astro:build:done'({ dir, pages, logger }) {
        const model = catalog.result.model!;
        const { loaded } = catalog.result;
        const outDir = fileURLToPath(dir);
        const problems = checkSiteLinks({
          pages: readBuiltPages(outDir, pages.map((p) => p.pathname)),
          pagePath: model.pagePath,
          codes: model.codes.map((c) => c.code),
          outDir,
          base,
          catalogSources: [...(loaded.catalog ? [loaded.catalog] : []), ...loaded.codes],
          docsSources: readDocsSources(docsDir),
        });
        if (problems.length) throw siteLinksError(problems);
        logger.info('links between the catalog and the site resolve');
      },
    },
  };
}

// The Vite side: virtual modules that carry the checked catalog to the pages and to the
// route middleware. They are generated from the live check result on every load, so in
// dev (src/plugin/dev.ts) a re-check plus an invalidation is all a page needs to show the
// new catalog; a failing check makes the model's load throw, and Astro shows the
// diagnostics in its error overlay.
import type { Plugin } from 'vite';
import type { CheckResult } from '../check/check.ts';
import { serializeModel } from '../render/model-data.ts';
import { pageHref, plainTitle, siteTitle } from '../render/page.ts';
import { watchCatalog, type LiveCatalog } from './dev.ts';
import { catalogCheckError } from './errors.ts';
import type { SidebarPlacement } from './sidebar.ts';
import { ownModule } from '../own-module.ts';

export interface VirtualModuleOptions {
  /** Passed to the pages. */
  exports: boolean;
  /** `false`: no sidebar link; otherwise where it goes and, optionally, its label. */
  sidebar: false | { group?: string; label?: string };
  /** The site's 404 page sends a missing code URL to the errors page's suggestions. */
  notFound: boolean;
  /** The site's `base`, ending in `/`: the sidebar link and the 404 page's script are URLs on the site. */
  base: string;
  /** The host site's title for the pages' `<title>`; undefined: the plugin sets the API's (siteTitle: true). */
  siteTitle?: string;
}

const hydrate = ownModule('../render/model-data.ts', import.meta.url);

function modules(catalog: LiveCatalog, options: VirtualModuleOptions): Record<string, () => string> {
  const modelOrThrow = () => {
    if (!catalog.result.model) throw catalogCheckError(catalog.result);
    return catalog.result.model;
  };
  return {
    'virtual:starlight-error-catalog/model': () =>
      `import { hydrateModel } from ${JSON.stringify(hydrate)};
export default hydrateModel(${JSON.stringify(serializeModel(modelOrThrow()))});
export const options = ${JSON.stringify({ exports: options.exports, siteTitle: options.siteTitle ?? siteTitle(modelOrThrow()) })};`,
    'virtual:starlight-error-catalog/middleware': () => {
      const model = catalog.result.model;
      const href = model && `${options.base}${pageHref(model).slice(1)}`;
      const place: SidebarPlacement | null =
        options.sidebar && model
          ? { label: options.sidebar.label ?? plainTitle(model.catalog.title), href: href!, group: options.sidebar.group }
          : null;
      const notFoundPage = options.notFound && model ? href : null;
      return `export const sidebar = ${JSON.stringify(place)};\nexport const notFoundPage = ${JSON.stringify(notFoundPage)};`;
    },
  };
}

export function vitePluginErrorCatalog(catalog: LiveCatalog, options: VirtualModuleOptions, onCheck: (result: CheckResult) => void): Plugin {
  const sources = modules(catalog, options);
  const resolved = new Map(Object.keys(sources).map((id) => [`\0${id}`, id]));
  return {
    name: 'starlight-error-catalog',
    resolveId(id) {
      return id in sources ? `\0${id}` : undefined;
    },
    load(id) {
      const virtual = resolved.get(id);
      return virtual ? sources[virtual]!() : undefined;
    },
    configureServer(server) {
      watchCatalog(server, catalog, [...resolved.keys()], onCheck);
    },
  };
}

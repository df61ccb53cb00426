// Dev mode: the dev server's own watcher follows the whole catalog directory, so a new,
// edited or deleted file (codes/*.yaml, catalog.yaml, shipped.yaml) re-runs the check
// without a server restart. The model's virtual module and everything that imported it
// are invalidated, Astro's getStaticPaths cache is cleared (new codes get their plain URL)
// and the browser reloads; a failing check then shows in Astro's error overlay.
import { isAbsolute, relative } from 'node:path';
import type { EnvironmentModuleNode, RunnableDevEnvironment, ViteDevServer } from 'vite';
import { checkCatalog, type CheckResult } from '../check/check.ts';
import { catalogCheckError } from './errors.ts';

/** The catalog as last checked: the build checks once, the dev server after every change. */
export interface LiveCatalog {
  dir: string;
  result: CheckResult;
}

/** Editors save in bursts (write, rename, chmod): one check per burst. */
const SETTLE_MS = 15;

export function watchCatalog(server: ViteDevServer, catalog: LiveCatalog, moduleIds: string[], onCheck: (result: CheckResult) => void): void {
  const pagePath = catalog.result.model?.pagePath;
  let timer: NodeJS.Timeout | undefined;
  const recheck = () => {
    catalog.result = checkCatalog(catalog.dir);
    onCheck(catalog.result);
    const model = catalog.result.model;
    // The page's path decides the injected routes: only a restart can move them.
    if (model && model.pagePath !== pagePath) {
      void server.restart();
      return;
    }
    invalidate(server, moduleIds);
    server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  };
  const onFile = (file: string) => {
    const rel = relative(catalog.dir, file);
    if (rel.startsWith('..') || isAbsolute(rel) || !/\.ya?ml$/.test(rel)) return;
    clearTimeout(timer);
    timer = setTimeout(recheck, SETTLE_MS);
  };
  server.watcher.add(catalog.dir);
  // Astro sends a render error to the tabs connected 200 ms after the failed response; a tab
  // that reconnects later (a busy machine) would show a blank page. Every tab that connects
  // while the catalog fails gets the diagnostics, with the first one's YAML line framed.
  server.ws.on('connection', () => {
    const { result } = catalog;
    if (result.model) return;
    const error = catalogCheckError(result);
    const err = { name: error.name, message: error.message, hint: error.hint, stack: '', loc: error.loc };
    server.environments.client.hot.send({ type: 'error', err: err as never });
  });
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onFile);
}

/** Invalidate the modules and their importers in every server environment, as Astro does for a changed file. */
function invalidate(server: ViteDevServer, ids: string[]): void {
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    if (environment.name === 'client') continue;
    const seen = new Set<EnvironmentModuleNode>();
    for (const id of ids) {
      const mod = environment.moduleGraph.getModuleById(id);
      if (mod) environment.moduleGraph.invalidateModule(mod, seen, timestamp, true);
    }
    if ('runner' in environment) {
      const evaluated = (environment as RunnableDevEnvironment).runner.evaluatedModules;
      for (const m of seen) {
        const node = m.id ? evaluated.getModuleById(m.id) : undefined;
        if (node) evaluated.invalidateModule(node);
      }
    }
    // Astro clears its getStaticPaths cache on this event: new codes get their plain URL.
    environment.hot.send('astro:content-changed', {});
  }
}

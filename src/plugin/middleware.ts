// Route middleware (registered by the plugin): adds the errors page to every page's sidebar
// and, on the site's own 404 page, the script that sends a missing code URL to the errors
// page's suggestions (src/plugin/not-found.ts). Nothing else of the site's pages changes.
/// <reference types="@astrojs/starlight" />
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { notFoundPage, sidebar } from 'virtual:starlight-error-catalog/middleware';
import { notFoundScript } from './not-found.ts';
import { withErrorsPage } from './sidebar.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (sidebar) route.sidebar = withErrorsPage(route.sidebar, sidebar, context.url.pathname);
  // Starlight renders its 404 page (its own or the site's src/content/docs/404.md) from the entry "404".
  if (notFoundPage && route.entry.id === '404') route.head.push({ tag: 'script', attrs: {}, content: notFoundScript(notFoundPage) });
});

// Route middleware (registered by the plugin): adds the errors page to every page's sidebar.
/// <reference types="@astrojs/starlight" />
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { sidebar } from 'virtual:starlight-error-catalog/sidebar';
import { withErrorsPage } from './sidebar.ts';

export const onRequest = defineRouteMiddleware((context) => {
  if (!sidebar) return;
  const route = context.locals.starlightRoute;
  route.sidebar = withErrorsPage(route.sidebar, sidebar, context.url.pathname);
});

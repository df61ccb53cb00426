declare module 'virtual:starlight-error-catalog/model' {
  const model: import('../model/model.ts').CatalogModel;
  export default model;
  /** Plugin options the pages need. */
  export const options: { exports: boolean; siteTitle: string };
}

declare module 'virtual:starlight-error-catalog/middleware' {
  /** Where the errors page joins the sidebar; null: it does not. */
  export const sidebar: import('./sidebar.ts').SidebarPlacement | null;
  /** The errors page's path, for the 404 page's forwarding of code URLs; null: no forwarding. */
  export const notFoundPage: string | null;
}

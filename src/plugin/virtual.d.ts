declare module 'virtual:starlight-error-catalog/model' {
  const model: import('../catalog/model.ts').CatalogModel;
  export default model;
  /** Plugin options the pages need. */
  export const options: { exports: boolean };
}

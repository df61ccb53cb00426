// The model crosses from the plugin (config time) to the pages (render time) as JSON.
// Serialize the inputs of buildModel and rebuild on the other side, so the page gets the
// same model the check produced, Map included.
import { buildModel, type CatalogModel } from '../model/model.ts';
import type { Shipped } from '../model/lock.ts';
import type { CatalogFile, CodeFile } from '../model/schema.ts';

export interface ModelData {
  catalog: CatalogFile;
  codes: { data: CodeFile; file: string; shipped?: Shipped }[];
}

export function serializeModel(model: CatalogModel): ModelData {
  return {
    catalog: model.catalog,
    codes: model.codes.map(({ statuses: _s, docsUrl: _d, file, shipped, ...data }) => ({ data: data as CodeFile, file, ...(shipped ? { shipped } : {}) })),
  };
}

export function hydrateModel(data: ModelData): CatalogModel {
  return buildModel(data.catalog, data.codes);
}

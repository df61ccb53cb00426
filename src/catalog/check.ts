// The whole pipeline behind `check`: load -> validate -> model. The CLI, the site build
// and review all start here.
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { loadCatalog, type LoadedCatalog } from './load.ts';
import { buildModel, type CatalogModel } from './model.ts';
import { validate, type CheckOptions } from './validate.ts';

export interface CheckResult {
  dir: string;
  diagnostics: Diagnostic[];
  /** Present only when the catalog has no errors. */
  model: CatalogModel | undefined;
  codeCount: number;
  /** The files as read, for review and shipping, so nothing is read twice. */
  loaded: LoadedCatalog;
  /** catalog.yaml's docs_url, when it has one (even if the catalog has errors): rule pages live on its site. */
  docsUrl: string | undefined;
}

export function checkCatalog(dir: string, options: CheckOptions = {}): CheckResult {
  const loaded = loadCatalog(dir);
  const { diagnostics, catalog, codes } = validate(loaded, options);
  const sorted = sortDiagnostics(diagnostics);
  const model =
    catalog && !hasErrors(sorted) ? buildModel(catalog, codes.map((c) => ({ data: c.data, file: c.file.path }))) : undefined;
  const docsUrl = (loaded.catalog?.data as { docs_url?: unknown } | null | undefined)?.docs_url;
  return { dir, diagnostics: sorted, model, codeCount: loaded.codes.length, loaded, docsUrl: typeof docsUrl === 'string' ? docsUrl : undefined };
}

// The whole pipeline behind `check`: load -> validate -> model. The CLI, the site build
// and review all start here.
import { hasErrors, INTERNAL_ERROR, sortDiagnostics, type Diagnostic } from '../load/diagnostics.ts';

export { INTERNAL_ERROR };
import { CatalogDirError, displayPath, loadCatalog, type CatalogSource, type LoadedCatalog } from '../load/load.ts';
import { shippedWhen as when } from '../model/changelog.ts';
import type { Lock, ShippedHistory } from '../model/lock.ts';
import { buildModel, type CatalogModel } from '../model/model.ts';
import { startSampleParsing, stopSampleParsing } from '../bridges/sample-syntax-early.ts';
import type { CheckOptions } from '../rules/context.ts';
import { readLock } from './stability.ts';
import { validate, type Validated } from './validate.ts';

/** When a code and its lifecycle changes shipped, from its lock entry; undefined while it is unshipped. */
function shippedOf(lock: Lock | undefined, code: string): ShippedHistory | undefined {
  const e = lock?.get(code);
  return e && { ...when(e), ...(e.deprecated ? { deprecated: when(e.deprecated) } : {}), ...(e.retired ? { retired: when(e.retired) } : {}) };
}

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
  /** The check itself failed (a bug): exit 2, not 1. */
  internalError?: boolean;
}

/**
 * The check never ends in a stack trace: an exception it did not foresee becomes one
 * `internal-error` diagnostic (and `internalError`, which the CLI turns into exit 2).
 * Only a missing directory (CatalogDirError) is thrown, as misuse.
 */
export function checkCatalog(dir: string, options: CheckOptions = {}, source?: CatalogSource): CheckResult {
  try {
    return runCheck(dir, options, source);
  } catch (e) {
    if (e instanceof CatalogDirError) throw e;
    const err = e instanceof Error ? e : new Error(String(e));
    const diagnostics: Diagnostic[] = [{
      file: displayPath(dir), line: 1, col: 1, severity: 'error', rule: INTERNAL_ERROR,
      message: `the check failed unexpectedly: ${err.name}: ${err.message.split('\n')[0]!.slice(0, 200)}`,
      hint: 'this is a bug in errcat, not in the catalog: please report it with the files that caused it',
    }];
    const loaded = { dir, catalog: undefined, codes: [], unreadable: [], codesListed: false, lock: undefined, diagnostics };
    return { dir, diagnostics, model: undefined, codeCount: 0, loaded, docsUrl: undefined, internalError: true };
  }
}

function runCheck(dir: string, options: CheckOptions, source: CatalogSource | undefined): CheckResult {
  const loaded = loadCatalog(dir, source);
  // A large catalog's samples are parsed on another thread meanwhile; the example rules take
  // what it found, and a thread they did not take (a broken catalog.yaml) is ended here.
  startSampleParsing(loaded);
  let validated: Validated;
  try {
    validated = validate(loaded, options);
  } finally {
    stopSampleParsing(loaded);
  }
  const { diagnostics, catalog, codes } = validated;
  const lock = readLock(loaded.lock, []);
  const sorted = sortDiagnostics(diagnostics);
  const model =
    catalog && !hasErrors(sorted) ? buildModel(catalog, codes.map((c) => ({ data: c.data, file: c.file.path, shipped: shippedOf(lock, c.data.code) }))) : undefined;
  const docsUrl = (loaded.catalog?.data as { docs_url?: unknown } | null | undefined)?.docs_url;
  return { dir, diagnostics: sorted, model, codeCount: loaded.codes.length + loaded.unreadable.length, loaded, docsUrl: typeof docsUrl === 'string' ? docsUrl : undefined };
}

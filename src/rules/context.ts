// What every rule's check sees: the loaded files, the valid parts of the catalog, and a
// memo so rules that share work (one Markdown scan, one pass over the examples) do it once.
import type { Diagnostic, Severity } from '../load/diagnostics.ts';
import type { LoadedCatalog, SourceFile } from '../load/load.ts';
import type { CatalogFile, CodeFile } from '../model/schema.ts';
import type { Lock } from '../model/lock.ts';

/** What a run adds to the catalog's own settings. */
export interface CheckOptions {
  /** The API's OpenAPI document (`--openapi`), instead of catalog.yaml's `openapi`. */
  openapi?: string;
  /** The largest OpenAPI file read, in MB (`--openapi-max-mb`; default OPENAPI_LIMITS). */
  openapiMaxMb?: number;
}

export interface ValidCode {
  data: CodeFile;
  file: SourceFile;
}

export interface RuleContext {
  loaded: LoadedCatalog;
  catalogFile: SourceFile | undefined;
  /** catalog.yaml when it passed the schema. */
  catalog: CatalogFile | undefined;
  /** Code files that passed the schema. */
  codes: ValidCode[];
  /** The name of every code with a file, valid or not, so one broken file doesn't cascade. */
  codeNames: Set<string>;
  /** The lock of shipped codes, when present and well-formed. */
  lock: Lock | undefined;
  /** What the run adds to the catalog's settings (--openapi). */
  options: CheckOptions;
  /** Add a diagnostic made elsewhere (about a file outside the catalog, e.g. the OpenAPI document). */
  push(d: Diagnostic): void;
  /** The registry, for rules about rules (each a Rule of rule.ts, which builds on this context). */
  rules: readonly { id: string; severity: Severity }[];
  /** `compute(ctx)`, computed once per run. */
  shared<T>(compute: (ctx: RuleContext) => T): T;
}

/** When codes/ could not be listed, any name may be a code: lookups stay quiet. */
export class AnyCode extends Set<string> {
  override has(): boolean {
    return true;
  }
}

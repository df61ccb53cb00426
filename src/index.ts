// The package's programmatic API, `import { checkCatalog } from 'starlight-error-catalog'`:
// the catalog read and checked as `errcat check` does, for SDK generators and other tools.
// Everything else in lib/ is internal and may move between releases.
export { checkCatalog, type CheckResult } from './check/check.ts';
export { hasErrors, sortDiagnostics, type Diagnostic, type Severity } from './load/diagnostics.ts';
export { CatalogDirError, loadCatalog, type CatalogSource, type LoadedCatalog, type SourceFile } from './load/load.ts';
export type { CatalogModel, CategoryGroup, CodeEntry, StatusRow } from './model/model.ts';
export type { CatalogFile, CodeFile, Example, Retry, Section, Shape, Table } from './model/schema.ts';
export type { ShippedHistory } from './model/lock.ts';
export type { CheckOptions } from './rules/context.ts';
export { RULES, ruleById, type Rule, type RuleId } from './rules/index.ts';

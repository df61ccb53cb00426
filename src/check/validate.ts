// Validate: the one rule set. The CLI, the site build and pull-request review all call
// `validate`, so a catalog that passes here passes everywhere. The schema gives each file
// its shape; then every rule of the registry (src/rules/) runs its check. `check --cache`
// runs the same steps over part of the catalog (incremental.ts).
import { basename } from 'node:path';
import type { Diagnostic } from '../load/diagnostics.ts';
import type { LoadedCatalog, SourceFile } from '../load/load.ts';
import { catalogSchema, codeSchema, type CatalogFile } from '../model/schema.ts';
import type { Lock } from '../model/lock.ts';
import { fastCodeShape } from './code-shape.ts';
import { schemaDiagnostics } from './schema-issues.ts';
import { readLock } from './stability.ts';
import { AnyCode, type CheckOptions, type RuleContext, type ValidCode } from '../rules/context.ts';
import { applyRuleSettings } from '../rules/config.ts';
import { RULES, ruleById, type Rule } from '../rules/index.ts';

export type { ValidCode } from '../rules/context.ts';

export interface Validated {
  diagnostics: Diagnostic[];
  catalog: CatalogFile | undefined;
  codes: ValidCode[];
}

export function validate(loaded: LoadedCatalog, options: CheckOptions = {}): Validated {
  const diagnostics = [...loaded.diagnostics];
  const catalog = shapeCatalog(loaded.catalog, diagnostics);
  const codes = shapeCodes(loaded.codes, diagnostics);
  const lock = readLock(loaded.lock, diagnostics);
  const ctx = ruleContext(loaded, catalog, codes, codeNamesOf(loaded, codes), lock, options, diagnostics);
  runRules(() => ctx, diagnostics);
  return { diagnostics: applyRuleSettings(diagnostics, loaded.catalog?.data, ruleById), catalog, codes };
}

/** catalog.yaml's data when it passes the schema; what it breaks goes to `out`. */
export function shapeCatalog(file: SourceFile | undefined, out: Diagnostic[]): CatalogFile | undefined {
  if (!file || file.data === undefined) return undefined;
  const parsed = catalogSchema.safeParse(file.data);
  if (parsed.success) return parsed.data;
  schemaDiagnostics(file, catalogSchema, parsed.error.issues, out);
  return undefined;
}

/** The code files that pass the schema, in order; what the others break goes to `out`. */
export function shapeCodes(files: readonly SourceFile[], out: Diagnostic[]): ValidCode[] {
  const codes: ValidCode[] = [];
  for (const file of files) {
    if (file.data === undefined) continue;
    const fast = fastCodeShape(file.data);
    if (fast) {
      codes.push({ data: fast, file });
      continue;
    }
    const parsed = codeSchema.safeParse(file.data);
    if (parsed.success) codes.push({ data: parsed.data, file });
    else schemaDiagnostics(file, codeSchema, parsed.error.issues, out);
  }
  return codes;
}

/**
 * Every code's name. A file that failed to parse or was not read counts under its file name:
 * it is reported once, and rules that look codes up (related, references, examples, the
 * lock) stay quiet. When codes/ itself could not be listed, any name may be a code.
 */
export function codeNamesOf(loaded: LoadedCatalog, codes: readonly ValidCode[]): Set<string> {
  const codeNames = loaded.codesListed ? new Set<string>() : new AnyCode();
  for (const c of codes) codeNames.add(c.data.code);
  for (const f of loaded.codes) {
    const name = (f.data as { code?: unknown } | undefined)?.code;
    if (typeof name === 'string') codeNames.add(name);
    else if (f.data === undefined) codeNames.add(codeOfFileName(f.path));
  }
  for (const n of loaded.unreadable) codeNames.add(codeOfFileName(n));
  return codeNames;
}

/** What the rules see of a catalog; their diagnostics go to `out`. */
export function ruleContext(loaded: LoadedCatalog, catalog: CatalogFile | undefined, codes: ValidCode[], codeNames: Set<string>,
  lock: Lock | undefined, options: CheckOptions, out: Diagnostic[]): RuleContext {
  const memo = new Map<unknown, unknown>();
  const ctx: RuleContext = {
    loaded,
    catalogFile: loaded.catalog,
    catalog,
    codes,
    codeNames,
    lock,
    options,
    push: (d) => out.push(d),
    rules: RULES,
    shared<T>(compute: (c: RuleContext) => T): T {
      if (!memo.has(compute)) memo.set(compute, compute(ctx));
      return memo.get(compute) as T;
    },
  };
  return ctx;
}

/** Every rule of the registry, in its order, each over the context `contextOf` gives for its scope (or none: skipped). */
export function runRules(contextOf: (scope: Rule['scope']) => RuleContext | undefined, out: Diagnostic[]): void {
  for (const rule of RULES) {
    const check: Rule['check'] = rule.check;
    const ctx = check && contextOf(rule.scope);
    if (!check || !ctx) continue;
    check(ctx, (file, at, message, hint) => out.push({ file: file.path, ...at, severity: rule.severity, rule: rule.id, message, hint }));
  }
}

function codeOfFileName(path: string): string {
  return basename(path).replace(/\.ya?ml$/, '');
}

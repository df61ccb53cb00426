// Validate: the one rule set. The CLI, the site build and pull-request review all call
// `validate`, so a catalog that passes here passes everywhere. The schema gives each file
// its shape; then every rule of the registry (src/rules/) runs its check.
import { basename } from 'node:path';
import type { Diagnostic } from '../load/diagnostics.ts';
import type { LoadedCatalog } from '../load/load.ts';
import { catalogSchema, codeSchema, type CatalogFile } from '../model/schema.ts';
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

  // Shape of each file.
  let catalog: CatalogFile | undefined;
  const catalogFile = loaded.catalog;
  if (catalogFile && catalogFile.data !== undefined) {
    const parsed = catalogSchema.safeParse(catalogFile.data);
    if (parsed.success) catalog = parsed.data;
    else schemaDiagnostics(catalogFile, catalogSchema, parsed.error.issues, diagnostics);
  }
  const codes: ValidCode[] = [];
  for (const file of loaded.codes) {
    if (file.data === undefined) continue;
    const fast = fastCodeShape(file.data);
    if (fast) {
      codes.push({ data: fast, file });
      continue;
    }
    const parsed = codeSchema.safeParse(file.data);
    if (parsed.success) codes.push({ data: parsed.data, file });
    else schemaDiagnostics(file, codeSchema, parsed.error.issues, diagnostics);
  }
  // A file that failed to parse or was not read counts under its file name: it is reported
  // once, and rules that look codes up (related, references, examples, the lock) stay quiet.
  // When codes/ itself could not be listed, any name may be a code.
  const codeNames = loaded.codesListed ? new Set<string>() : new AnyCode();
  for (const c of codes) codeNames.add(c.data.code);
  for (const f of loaded.codes) {
    const name = (f.data as { code?: unknown } | undefined)?.code;
    if (typeof name === 'string') codeNames.add(name);
    else if (f.data === undefined) codeNames.add(codeOfFileName(f.path));
  }
  for (const n of loaded.unreadable) codeNames.add(codeOfFileName(n));

  // Every rule of the registry.
  const memo = new Map<unknown, unknown>();
  const ctx: RuleContext = {
    loaded,
    catalogFile,
    catalog,
    codes,
    codeNames,
    lock: readLock(loaded.lock, diagnostics),
    options,
    push: (d) => diagnostics.push(d),
    rules: RULES,
    shared<T>(compute: (c: RuleContext) => T): T {
      if (!memo.has(compute)) memo.set(compute, compute(ctx));
      return memo.get(compute) as T;
    },
  };
  for (const rule of RULES) {
    const check: Rule['check'] = rule.check;
    if (!check) continue;
    check(ctx, (file, at, message, hint) =>
      diagnostics.push({ file: file.path, ...at, severity: rule.severity, rule: rule.id, message, hint }));
  }
  return { diagnostics: applyRuleSettings(diagnostics, catalogFile?.data, ruleById), catalog, codes };
}

function codeOfFileName(path: string): string {
  return basename(path).replace(/\.ya?ml$/, '');
}

// What the check finds beyond the catalog's files, computed once: the API's OpenAPI
// document (src/bridges/openapi.ts) and its server's sources (src/bridges/sources.ts).
// Each openapi-* and source-* rule passes on its own findings.
import type { Diagnostic } from '../../load/diagnostics.ts';
import { openapiDiagnostics, openapiTarget } from '../../bridges/openapi.ts';
import { sourceDiagnostics } from '../../bridges/sources.ts';
import type { RuleContext } from '../context.ts';

export function beyondCatalog(ctx: RuleContext): Diagnostic[] {
  const { catalog, catalogFile, loaded, options } = ctx;
  if (!catalog || !catalogFile) return [];
  const out: Diagnostic[] = [];
  const target = openapiTarget(loaded.dir, catalog, options.openapi);
  if (target) out.push(...openapiDiagnostics(target, catalog, catalogFile, ctx.codes, options.openapi === undefined, options.openapiMaxMb));
  if (catalog.sources) out.push(...sourceDiagnostics(loaded.dir, catalog, catalogFile, ctx.codes));
  return out;
}

/** The check of a rule found beyond the catalog: pass its findings on. */
export function passOn(id: string) {
  return (ctx: RuleContext) => {
    for (const d of ctx.shared(beyondCatalog)) if (d.rule === id) ctx.push(d);
  };
}

// The codes an OpenAPI document already declares, for `errcat init --from-openapi`: each
// code with the statuses of the responses that show it (examples, enums, consts, $refs
// followed). The document is read by the check's own bounded worker (openapi-worker.ts:
// swagger-parser and the walk, within OPENAPI_LIMITS or --openapi-max-mb's), confined to the working
// directory, the repository the catalog is started in.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { insideRoot } from '../load/confined.ts';
import type { Diagnostic } from '../load/diagnostics.ts';
import { displayPath } from '../load/load.ts';
import { openapiLimits, RAISE_SIZE } from '../bridges/openapi.ts';
import type { OpenapiReadInput, OpenapiReadOutput } from '../bridges/openapi.ts';
import { runSync } from '../bridges/run-sync.ts';
import type { CatalogFile } from '../model/schema.ts';
import { ownModuleUrl } from '../own-module.ts';
import { misuse } from './misuse.ts';

/** Where codes usually sit in an error body, tried in turn when --code-field is not given. */
export const CODE_FIELDS = ['code', 'error.code'];

/** Codes a seeded catalog can hold: a file name on any system, an anchor, a YAML key. */
const SEEDABLE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export interface SeedCode {
  code: string;
  /** Statuses of the responses that show it, ascending; empty when none is a plain status. */
  statuses: number[];
  /** Other response keys it appears under (`default`, `4XX`), and `shared enum` for a list no response owns. */
  vague: string[];
  /** `GET /payments/{id} 404`, the first few, for the writer to look at. */
  operations: string[];
}

export interface Seed {
  codeField: string;
  codes: SeedCode[];
  /** Codes no catalog can hold as they are (spaces, slashes...), quoted. */
  skipped: string[];
  /** What the reader found wrong in the document (syntax, $refs), errors only. */
  problems: Diagnostic[];
}

export function codesFromOpenapi(docArg: string, codeField: string | undefined, maxMb?: number): Seed {
  const path = resolve(docArg);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw misuse(`--from-openapi: ${displayPath(path)} not found`, { brief: true });
  }
  const root = realpathSync(process.cwd());
  if (!insideRoot(real, root)) {
    throw misuse(`--from-openapi: ${displayPath(path)} is outside the working directory: run init from the repository that holds the document`, { brief: true });
  }
  const fields = codeField !== undefined ? [codeField] : CODE_FIELDS;
  for (const field of fields) {
    const { codes, problems } = declaredCodes(real, root, field, maxMb);
    if (codes.length || field === fields.at(-1)) return { codeField: field, ...seedable(codes), problems };
  }
  throw new Error('unreachable');
}

/** What the worker finds with `field` as the code's place in an error body. */
function declaredCodes(path: string, root: string, field: string, maxMb?: number): { codes: SeedCode[]; problems: Diagnostic[] } {
  // The walker reads only the catalog's code fields; nothing else of a catalog exists yet.
  const catalog = { envelope: { code_field: field }, shapes: [] } as unknown as CatalogFile;
  const bounds = openapiLimits(maxMb);
  const result = runSync<OpenapiReadInput, OpenapiReadOutput>(
    ownModuleUrl('../bridges/openapi-worker.ts', import.meta.url),
    { path, root, maxBytes: bounds.maxBytes, maxFiles: bounds.maxFiles, catalog },
    bounds,
  );
  const limits = `(init reads a document within ${bounds.timeoutMs / 1000} s, ${bounds.maxMemoryMb} MB of memory and ${bounds.maxBytes / 1e6} MB a file; ${RAISE_SIZE})`;
  if (!result.ok) throw misuse(`--from-openapi: ${displayPath(path)} could not be read: ${result.error} ${limits}`, { brief: true });
  if (result.value.unreadable !== undefined) {
    throw misuse(`--from-openapi: ${displayPath(path)} could not be read: ${result.value.unreadable} ${limits}`, { brief: true });
  }
  const byCode = new Map<string, { statuses: Set<number>; vague: Set<string>; operations: Set<string> }>();
  for (const d of result.value.declarations) {
    const entry = byCode.get(d.code) ?? { statuses: new Set(), vague: new Set(), operations: new Set() };
    byCode.set(d.code, entry);
    if (d.shared) entry.vague.add('shared enum');
    else if (/^[1-5]\d\d$/.test(d.status)) entry.statuses.add(Number(d.status));
    else entry.vague.add(d.status);
    if (!d.shared && entry.operations.size < 3) entry.operations.add(d.operation);
  }
  const codes = [...byCode].map(([code, e]) => ({
    code,
    statuses: [...e.statuses].sort((a, b) => a - b),
    // A code some response owns is placed by it: the shared list adds nothing then.
    vague: e.statuses.size ? [] : [...e.vague],
    operations: [...e.operations],
  })).sort((a, b) => (a.code < b.code ? -1 : 1));
  return { codes, problems: result.value.diagnostics.filter((d) => d.severity === 'error') };
}

function seedable(codes: SeedCode[]): { codes: SeedCode[]; skipped: string[] } {
  const skipped = codes.filter((c) => !SEEDABLE.test(c.code)).map((c) => JSON.stringify(c.code.slice(0, 100)));
  return { codes: codes.filter((c) => SEEDABLE.test(c.code)), skipped };
}

/** The first pattern, from strict to loose, that every code matches. */
export function seedPattern(codes: string[]): string {
  const patterns = [
    '^[a-z][a-z0-9_]*$',
    '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$',
    '^[0-9]+$',
    '^([a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*|[0-9]+)$',
  ];
  return patterns.find((p) => codes.every((c) => new RegExp(p).test(c))) ?? SEEDABLE.source;
}

// `check --cache` after an edit: only the code files that changed are read and checked.
// Every rule declares its scope (src/rules/rule.ts). The loader, the schema and the
// scope-'file' rules run over the changed files alone; what they found in each is kept
// with the file (FileFindings), with its summary (summary.ts). The scope-'catalog' rules
// run over the whole catalog on every run: the changed files as read, the others as their
// summaries, whose text is read only if a rule must point into it. catalog.yaml and the
// lock are read and checked on every run; a change to catalog.yaml (it configures every
// rule) makes every code file count as changed. The lock is compared with the codes by
// catalog-scope rules only (a scope-'file' rule is not shown it), so editing it, as
// `errcat ship` does, costs no code file a second reading. The report is the full check's: the same
// diagnostics in the same order (tests/unit/cache-incremental.test.ts compares the two on
// random edits).
//
// Which files are unchanged, and where their findings are stored, is the caller's
// business (src/cli/cache-records.ts).
import { join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../load/diagnostics.ts';
import { CATALOG_FILE, displayPath, loadCatalog, type CatalogSource, type SourceFile } from '../load/load.ts';
import { LIMITS } from '../load/limits.ts';
import { parseFile } from '../load/parse.ts';
import type { CheckOptions, ValidCode } from '../rules/context.ts';
import { applyRuleSettings } from '../rules/config.ts';
import { ruleById } from '../rules/index.ts';
import { scannedTexts, type ScannedText } from '../rules/shared/texts.ts';
import type { CheckResult } from './check.ts';
import { readLock } from './stability.ts';
import { isSummary, summarize, type Summary } from './summary.ts';
import { codeNamesOf, ruleContext, runRules, shapeCatalog, shapeCodes } from './validate.ts';

/** What one check found in one code file. */
export interface FileFindings {
  /** Characters of its text: its share of LIMITS.catalogBytes. */
  length: number;
  /** What the loader, the schema and the scope-'file' rules reported in it, before the catalog's rule settings. */
  diagnostics: Diagnostic[];
  summary: Summary;
}

/** Findings kept from an earlier run, with the digest of the text they were found in. */
export interface KeptFile extends FileFindings {
  digest: string;
}

export interface Kept {
  /** The digest of the catalog.yaml the kept findings were made with. */
  settings: string;
  /** The kept findings of the code file at `path` (as the loader joins it; `shown` as diagnostics show it), if it is unchanged since. */
  unchanged(path: string, shown: string): KeptFile | undefined;
}

export interface Incremental {
  result: CheckResult;
  /** The digest of this run's catalog.yaml. */
  settings: string;
  /** The code files read and checked in this run, by path. */
  checked: Map<string, FileFindings>;
  /** The code files left unread, by path: their kept findings stood in for them. */
  kept: Map<string, KeptFile>;
}

/** The text was not what its findings were kept for: the caller checks in full. */
class StaleFindings extends Error {}

/** sha256 of a text, as src/cli/cache.ts digests what it reads. */
export function textDigest(text: string): string {
  return process.getBuiltinModule('node:crypto').hash('sha256', text);
}

/** An OpenAPI document or server sources are read outside the catalog's files: such runs are not cached. */
export function readsBeyondCatalog(catalog: unknown): boolean {
  return typeof catalog === 'object' && catalog !== null && ('openapi' in catalog || 'sources' in catalog);
}

/**
 * The check of `dir` with the unchanged code files `kept` vouches for left unread.
 * Undefined when it cannot give the full check's report this way (the catalog reads files
 * beyond itself, all files together pass LIMITS.catalogBytes, a kept file's text changed
 * under it, or the check failed): the caller then runs the full check.
 */
export function checkIncremental(dir: string, source: CatalogSource, kept: Kept | undefined, options: CheckOptions = {}): Incremental | undefined {
  try {
    return run(dir, source, kept, options);
  } catch {
    return undefined;
  }
}

function run(dir: string, source: CatalogSource, previous: Kept | undefined, options: CheckOptions): Incremental | undefined {
  if (options.openapi !== undefined) return undefined;
  const catalogText = source.read(join(dir, CATALOG_FILE));
  if (typeof catalogText === 'string' && readsBeyondCatalog(parseFile(join(dir, CATALOG_FILE), catalogText, []).data)) return undefined;
  const settings = textDigest(JSON.stringify(catalogText ?? null));
  const unchanged = previous?.settings === settings ? previous.unchanged.bind(previous) : () => undefined;

  const kept = new Map<string, KeptFile>();
  /** Every code file, in the loader's order: path and display path. */
  const order: [string, string][] = [];
  const loaded = loadCatalog(dir, source, (_, path) => {
    const shown = displayPath(path);
    order.push([path, shown]);
    const k = unchanged(path, shown);
    if (k) kept.set(path, k);
    return k !== undefined;
  });
  let total = 0;
  for (const f of [loaded.catalog, ...loaded.codes, loaded.lock]) total += f?.text.length ?? 0;
  for (const k of kept.values()) total += k.length;
  // Past the budget the loader refuses files by their place in the order: only a full check says which.
  if (total > LIMITS.catalogBytes) return undefined;

  // The loader, the schema, the lock and the scope-'file' rules over the changed files.
  const found = [...loaded.diagnostics];
  const catalog = shapeCatalog(loaded.catalog, found);
  const changed = shapeCodes(loaded.codes, found);
  const lock = readLock(loaded.lock, found);

  // The whole catalog, the kept files standing in by their summaries.
  const byPath = new Map(loaded.codes.map((f) => [f.path, f]));
  const validByFile = new Map(changed.map((c) => [c.file, c]));
  const files: SourceFile[] = [];
  const valid: ValidCode[] = [];
  for (const [path, shown] of order) {
    const k = kept.get(path);
    const file = k ? new KeptSourceFile(source, path, shown, k) : byPath.get(shown);
    if (!file) continue; // unreadable: loaded.unreadable has it
    files.push(file);
    const v = k ? (k.summary.data && { data: k.summary.data as unknown as ValidCode['data'], file }) : validByFile.get(file);
    if (v) valid.push(v);
  }
  const whole = { ...loaded, codes: files };
  const codeNames = codeNamesOf(whole, valid);
  const perFile = ruleContext(loaded, catalog, changed, codeNames, undefined, options, found);
  runRules((scope) => (scope === 'file' ? perFile : undefined), found);
  const across: Diagnostic[] = [];
  const all = ruleContext(whole, catalog, valid, codeNames, lock, options, across);
  runRules((scope) => (scope === 'catalog' ? all : undefined), across);

  const pathOf = new Map(order.map(([path, shown]) => [shown, path]));
  const checked = new Map([...findingsOf(loaded.codes, changed, found, perFile.shared(scannedTexts))].map(([shown, f]) => [pathOf.get(shown)!, f]));
  const diagnostics = [...found, ...across];
  for (const k of kept.values()) diagnostics.push(...k.diagnostics);
  const docsUrl = (loaded.catalog?.data as { docs_url?: unknown } | null | undefined)?.docs_url;
  const result: CheckResult = {
    dir,
    diagnostics: sortDiagnostics(applyRuleSettings(diagnostics, loaded.catalog?.data, ruleById)),
    // The CLI's check prints no model; the site build and review run the full check.
    model: undefined,
    codeCount: files.length + loaded.unreadable.length,
    loaded: whole,
    docsUrl: typeof docsUrl === 'string' ? docsUrl : undefined,
  };
  return { result, settings, checked, kept };
}

/** What this run found in each file it read, by path as shown. */
function findingsOf(read: readonly SourceFile[], valid: readonly ValidCode[], found: readonly Diagnostic[], texts: readonly ScannedText[]): Map<string, FileFindings> {
  const byShown = new Map<string, { file: SourceFile; diagnostics: Diagnostic[]; texts: ScannedText[]; valid?: ValidCode }>();
  for (const file of read) byShown.set(file.path, { file, diagnostics: [], texts: [] });
  for (const v of valid) byShown.get(v.file.path)!.valid = v;
  for (const d of found) byShown.get(d.file)?.diagnostics.push(d);
  for (const t of texts) byShown.get(t.file.path)?.texts.push(t);
  const out = new Map<string, FileFindings>();
  for (const { file, diagnostics, texts: t, valid: v } of byShown.values()) {
    out.set(file.path, { length: file.text.length, diagnostics, summary: summarize(file.data, v?.data as Record<string, unknown> | undefined, t) });
  }
  return out;
}

/** A kept code file: its summary for data, its text read only when a rule points into it (and then checked against the digest). */
class KeptSourceFile implements SourceFile {
  data: unknown;
  doc?: SourceFile['doc'];
  lineStarts?: number[];
  readonly path: string;
  #text: string | undefined;
  readonly #source: CatalogSource;
  readonly #at: string;
  readonly #digest: string;

  constructor(source: CatalogSource, at: string, shown: string, kept: KeptFile) {
    const { parsed, code } = kept.summary;
    this.path = shown;
    this.data = parsed ? (code === undefined ? {} : { code }) : undefined;
    this.#source = source;
    this.#at = at;
    this.#digest = kept.digest;
  }

  get text(): string {
    if (this.#text === undefined) {
      const now = this.#source.read(this.#at);
      if (typeof now !== 'string' || textDigest(now) !== this.#digest) throw new StaleFindings(this.#at);
      this.#text = now;
    }
    return this.#text;
  }
}

/** Whether stored findings are ones a run could have made for the file shown as `shown` (a damaged cache is a miss). */
export function isFindings(x: unknown, shown: string): x is FileFindings {
  const f = x as FileFindings;
  return typeof f === 'object' && f !== null && Number.isSafeInteger(f.length) && f.length >= 0 && isSummary(f.summary)
    && Array.isArray(f.diagnostics) && f.diagnostics.every((d) => isDiagnostic(d, shown));
}

// Reporters never print these (tabs and newlines aside): a stored message that has one is not ours.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const text = (s: unknown) => typeof s === 'string' && !CONTROL.test(s);

function isDiagnostic(d: unknown, shown: string): d is Diagnostic {
  const x = d as Diagnostic;
  return typeof x === 'object' && x !== null && x.file === shown && Number.isSafeInteger(x.line) && Number.isSafeInteger(x.col)
    && (x.severity === 'error' || x.severity === 'warning') && ruleById(String(x.rule)) !== undefined
    && text(x.message) && (x.hint === undefined || text(x.hint));
}

// The server's code: catalog.yaml's `sources` names the API's source files (globs relative
// to the catalog) and a pattern whose one capture group is a code the server emits. A code
// the server emits that the catalog lacks is an error at its line and column; a code no
// source emits is a warning, unless retired. Settings are hostile: only globbed files under
// the catalog's parent are read (symlinks resolved), each up to a size, and the pattern
// must suit V8's linear-time regexp engine, which takes over a match that backtracks too
// much, so no pattern can hang the check.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, matchesGlob, resolve } from 'node:path';
import type { Diagnostic } from '../load/diagnostics.ts';
import { insideRoot } from '../load/confined.ts';
import { climbs, globBase, globFiles, readConfinedSource } from './source-glob.ts';
import { displayPath, locate, textPosition, type SourceFile } from '../load/load.ts';
import type { CatalogFile, CodeFile } from '../model/schema.ts';
import { closest } from '../load/suggest.ts';

export const SOURCE_LIMITS = { maxFiles: 100_000, maxFileBytes: 2e6, maxPatternLength: 1000 };

interface CodeInfo {
  data: CodeFile;
  file: SourceFile;
}

export interface Emission {
  code: string;
  file: string;
  line: number;
  col: number;
}

export interface ScanResult {
  /** Every code some source emits. */
  emitted: Set<string>;
  /** Where the codes that need a diagnostic (not in `known`, or retired) are emitted. */
  emissions: Emission[];
  /** Problems with the settings themselves, at their place in catalog.yaml. */
  problems: { path: (string | number)[]; message: string; hint: string; severity: Diagnostic['severity'] }[];
  filesRead: number;
  bytesRead: number;
}

let engineFlags = false;

/**
 * Compile a hostile pattern so it cannot backtrack for ever: it must be one V8's
 * linear-time engine accepts (no backreferences or lookaheads), and it runs on the fast
 * backtracking engine, which V8 switches to the linear one for a match that backtracks too
 * much. Throws with a reason.
 */
export function compilePattern(pattern: string): RegExp {
  if (pattern.length > SOURCE_LIMITS.maxPatternLength) throw new Error(`longer than ${SOURCE_LIMITS.maxPatternLength} characters`);
  if (!engineFlags) {
    // Both switches only concern regular expressions that opt in (the `l` flag) or that
    // backtrack past V8's threshold; every other regular expression runs as before.
    // node:v8 is loaded only here: it brings streams along (about 7 ms of every cold start).
    const { setFlagsFromString } = process.getBuiltinModule('node:v8');
    setFlagsFromString('--enable-experimental-regexp-engine');
    setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
    engineFlags = true;
  }
  try {
    new RegExp(pattern, 'l');
  } catch (err) {
    const message = (err as Error).message;
    throw new Error(/linear time/.test(message) ? 'it cannot run in linear time (no backreferences or lookaheads)' : message);
  }
  const groups = new RegExp(`${pattern}|`).exec('')!.length - 1;
  if (groups !== 1) throw new Error(`it has ${groups} capture groups; it needs exactly one, around the code`);
  // No `d` flag: V8 cannot fall back to the linear engine for it.
  return new RegExp(pattern, 'g');
}

/** `located`: codes whose every emission needs no position (the catalog's live codes). */
export function scanSources(dir: string, catalog: CatalogFile, located: Set<string> = new Set()): ScanResult {
  const result: ScanResult = { emitted: new Set(), emissions: [], problems: [], filesRead: 0, bytesRead: 0 };
  const root = realpathSync(dirname(resolve(dir)));
  for (const [i, source] of (catalog.sources ?? []).entries()) {
    let re: RegExp;
    try {
      re = compilePattern(source.pattern);
    } catch (err) {
      result.problems.push({ path: ['sources', i, 'pattern'], severity: 'error', message: `pattern cannot be used: ${(err as Error).message}`,
        hint: 'write a plain regular expression with one capture group around the code, e.g. new ApiError\\(\\s*["\']([a-z_]+)' });
      continue;
    }
    const excludes = (source.exclude ?? []).map((g) => resolve(dir, g));
    for (const [j, glob] of source.include.entries()) {
      const { base, rest } = globBase(dir, glob);
      if (isAbsolute(glob) || !insideRoot(base, root) || climbs(rest)) {
        result.problems.push({ path: ['sources', i, 'include', j], severity: 'error', message: `glob "${glob}" reaches outside ${displayPath(root)}`,
          hint: 'sources must lie in the repository that holds the catalog: glob relative to the catalog, within its parent directory, with `..` only before the first wildcard and no absolute path (not in braces either)' });
        continue;
      }
      let matched = 0;
      let skipped = 0;
      for (const path of globFiles(base, rest, root)) {
        if (excludes.some((e) => matchesGlob(path, e))) continue;
        if (result.filesRead >= SOURCE_LIMITS.maxFiles) {
          result.problems.push({ path: ['sources', i, 'include', j], severity: 'error', message: `more than ${SOURCE_LIMITS.maxFiles} source files`,
            hint: 'narrow the globs to the files that raise API errors' });
          return result;
        }
        const text = readConfinedSource(path, root, SOURCE_LIMITS.maxFileBytes);
        if (text === undefined) {
          skipped++;
          continue;
        }
        matched++;
        result.filesRead++;
        result.bytesRead += text.length;
        scanText(text, path, re, located, result);
      }
      if (skipped > 0) {
        result.problems.push({ path: ['sources', i, 'include', j], severity: 'warning',
          message: `glob "${glob}": ${skipped} file${skipped === 1 ? '' : 's'} not read (not a regular file, larger than ${SOURCE_LIMITS.maxFileBytes / 1e6} MB, or a symlink leading outside ${displayPath(root)})`,
          hint: 'exclude them, or keep sources inside the repository' });
      }
      if (matched === 0 && skipped === 0) {
        result.problems.push({ path: ['sources', i, 'include', j], severity: 'warning', message: `glob "${glob}" matches no file`,
          hint: 'globs are relative to the catalog directory, e.g. ../server/src/**/*.ts' });
      }
    }
  }
  return result;
}

function scanText(text: string, path: string, re: RegExp, located: Set<string>, result: ScanResult) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    const code = m[1];
    if (code === undefined || code === '') continue;
    result.emitted.add(code);
    if (located.has(code)) continue;
    // Without match indices (`d`, see compilePattern) the code is the capture's last
    // occurrence in the match, which is exact for patterns that end at the code.
    result.emissions.push({ code, file: displayPath(path), ...textPosition(text, m.index + m[0].lastIndexOf(code)) });
  }
}

export function sourceDiagnostics(dir: string, catalog: CatalogFile, catalogFile: SourceFile, codes: CodeInfo[]): Diagnostic[] {
  const live = new Set(codes.filter((c) => c.data.lifecycle?.state !== 'retired').map((c) => c.data.code));
  const scan = scanSources(dir, catalog, live);
  const out: Diagnostic[] = [];
  for (const p of scan.problems) {
    out.push({ file: catalogFile.path, ...locate(catalogFile, p.path), severity: p.severity, rule: 'source-settings', message: p.message, hint: p.hint });
  }
  const byCode = new Map(codes.map((c) => [c.data.code, c]));
  for (const e of scan.emissions) {
    const code = byCode.get(e.code);
    if (!code) {
      const guess = closest(e.code, byCode.keys(), 1)[0];
      out.push({ file: e.file, line: e.line, col: e.col, severity: 'error', rule: 'source-unknown-code',
        message: `the server emits "${e.code}", which the catalog does not have`,
        hint: guess ? `did you mean "${guess}"? Otherwise document it in codes/${e.code}.yaml` : `document it in codes/${e.code}.yaml` });
    } else if (code.data.lifecycle?.state === 'retired') {
      out.push({ file: e.file, line: e.line, col: e.col, severity: 'warning', rule: 'source-retired-code',
        message: `the server still emits "${e.code}", which the catalog says is retired`,
        hint: `stop emitting it${code.data.lifecycle.replacement ? ` (use "${code.data.lifecycle.replacement}")` : ''}, or mark it deprecated instead` });
    }
  }
  if (scan.problems.some((p) => p.severity === 'error')) return out; // a broken setting would make every code look unused
  for (const c of codes) {
    if (scan.emitted.has(c.data.code) || c.data.lifecycle?.state === 'retired') continue;
    out.push({ file: c.file.path, ...locate(c.file, ['code']), severity: 'warning', rule: 'source-unused-code',
      message: `no source file emits "${c.data.code}"`,
      hint: 'the server may have stopped returning it: retire the code (lifecycle) or check the `sources` globs and pattern' });
  }
  return out;
}

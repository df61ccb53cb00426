// The server's code: catalog.yaml's `sources` names the API's source files (globs relative
// to the catalog) and a pattern whose one capture group is a code the server emits. A code
// the server emits that the catalog lacks is an error at its line and column; a code no
// source emits is a warning, unless retired. Comments and vendored folders never count; a
// code built at run time is reported where it is built (its possible codes are not called
// unused); a status the pattern captures (group `status`) is compared. Settings are
// hostile: only globbed files under the catalog's parent are read (symlinks resolved), each
// up to a size, and the pattern must suit V8's linear-time regexp engine, which takes over
// a match that backtracks too much, so no pattern can hang the check.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, matchesGlob, resolve } from 'node:path';
import type { Diagnostic } from '../load/diagnostics.ts';
import { insideRoot } from '../load/confined.ts';
import { climbs, globBase, globFiles, readConfinedSource } from './source-glob.ts';
import { commentRanges, readArgument } from './source-text.ts';
import { displayPath, locate, position, type SourceFile } from '../load/load.ts';
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
  /** The HTTP status the call carries, when the pattern captures one (group `status`). */
  status?: number;
}

/** A call site whose code is built at run time (a template literal, a concatenation). */
export interface DynamicEmission {
  file: string;
  line: number;
  col: number;
  /** The argument as written. */
  text: string;
  /** The codes it can produce. */
  produces: RegExp;
}

/** A compiled `sources` pattern: which capture is the code, which (if any) the status. */
export interface SourcePattern {
  re: RegExp;
  codeGroup: number;
  statusGroup?: number;
  /** What precedes the code's opening quote, to find the call sites whose code is no literal. */
  call?: RegExp;
}

export interface ScanResult {
  /** Every code some source emits. */
  emitted: Set<string>;
  /** Where the codes that need a diagnostic (not in `known`, or retired) are emitted. */
  emissions: Emission[];
  /** Call sites whose code cannot be resolved. */
  dynamic: DynamicEmission[];
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
  const status = captureGroups(pattern).some((g) => g.name === 'status');
  if (groups !== 1 && !(groups === 2 && status)) {
    throw new Error(`it has ${groups} capture groups; it needs exactly one, around the code${status ? ', beside (?<status>…)' : ''}`);
  }
  // No `d` flag: V8 cannot fall back to the linear engine for it.
  return new RegExp(pattern, 'g');
}

/** A pattern's capture groups in order: name ('' for an unnamed one) and where each opens. */
export function captureGroups(pattern: string): { name: string; at: number }[] {
  const groups: { name: string; at: number }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') {
      if (pattern[i + 1] !== '?') groups.push({ name: '', at: i });
      else if (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') groups.push({ name: /^\(\?<([^>]*)>/.exec(pattern.slice(i))?.[1] ?? '', at: i });
    }
  }
  return groups;
}

/** compilePattern, with its groups told apart and the call it matches (the part before the code's quote). */
export function compileSourcePattern(pattern: string): SourcePattern {
  const re = compilePattern(pattern);
  const groups = captureGroups(pattern);
  const statusGroup = groups.findIndex((g) => g.name === 'status') + 1 || undefined;
  const codeGroup = groups.findIndex((g) => g.name !== 'status') + 1;
  // `new ApiError\(\s*["']([a-z_]+)`: the call is `new ApiError\(\s*`, if a quote (or a class
  // of quotes) opens the code. Without one the pattern does not say where an argument starts.
  const codeAt = groups[codeGroup - 1]?.at ?? 0;
  const quoted = /(?:\[[^\]]*["'`][^\]]*\]|["'`])$/.exec(pattern.slice(0, codeAt));
  let call: RegExp | undefined;
  if (quoted) {
    try {
      call = new RegExp(pattern.slice(0, quoted.index), 'g');
      if (call.test('')) call = undefined; // an empty call would take every string for an argument
    } catch {
      /* the part before the code is no pattern of its own (a group left open): no call sites */
    }
  }
  return { re, codeGroup, statusGroup, call };
}

/** `located`: codes whose every emission needs no position (the catalog's live codes). */
export function scanSources(dir: string, catalog: CatalogFile, located: Set<string> = new Set()): ScanResult {
  const result: ScanResult = { emitted: new Set(), emissions: [], dynamic: [], problems: [], filesRead: 0, bytesRead: 0 };
  const root = realpathSync(dirname(resolve(dir)));
  for (const [i, source] of (catalog.sources ?? []).entries()) {
    let pattern: SourcePattern;
    try {
      pattern = compileSourcePattern(source.pattern);
    } catch (err) {
      result.problems.push({ path: ['sources', i, 'pattern'], severity: 'error', message: `pattern cannot be used: ${(err as Error).message}`,
        hint: `write a plain regular expression with one capture group around the code (and optionally one named status), e.g. ${EXAMPLE_PATTERN}` });
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
      for (const path of globFiles(base, rest, root, skippedDirs(rest))) {
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
        scanText(text, path, pattern, located, result);
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

function scanText(text: string, path: string, pattern: SourcePattern, located: Set<string>, result: ScanResult) {
  // What is in a comment is never read: ranges in text order, passed as the matches advance.
  // Lexed only for a file with a match: most files of a server raise no API error.
  let ranges: [number, number][] | undefined;
  const comments = () => (ranges ??= commentRanges(text, path));
  // Arguments built at run time: reported as such, and what the pattern reads inside one
  // (`'card.' + reason` gives `card.`) is no code.
  const dynamicRanges: [number, number][] = [];
  // Line starts are counted once per file, on the first position needed.
  const file: SourceFile = { path: displayPath(path), text, data: undefined };
  const call = pattern.call;
  if (call) {
    const inComment = skipper(comments);
    call.lastIndex = 0;
    for (let m = call.exec(text); m; m = call.exec(text)) {
      if (m[0] === '') call.lastIndex++;
      if (inComment(m.index)) continue;
      const start = m.index + m[0].length;
      const { end, dynamic } = readArgument(text, start);
      // Each character is read for one argument at most, however the calls nest.
      call.lastIndex = Math.max(call.lastIndex, end);
      if (!dynamic) continue;
      dynamicRanges.push([start, end]);
      result.dynamic.push({ file: file.path, ...position(file, start), ...dynamic });
    }
  }
  const { re, codeGroup, statusGroup } = pattern;
  const inComment = skipper(comments);
  const inDynamic = skipper(dynamicRanges);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    const code = m[codeGroup];
    if (code === undefined || code === '') continue;
    const status = statusGroup ? m[statusGroup] : undefined;
    // Without match indices (`d`, see compilePattern) the code is the capture's last
    // occurrence in the match (its first when the status follows it), exact for patterns
    // that end at the code or its status.
    const statusAfter = status !== undefined && m[0].lastIndexOf(status) > m[0].indexOf(code);
    const at = m.index + (statusAfter ? m[0].indexOf(code) : m[0].lastIndexOf(code));
    if (inComment(m.index) || inDynamic(at)) continue;
    result.emitted.add(code);
    if (located.has(code) && status === undefined) continue;
    result.emissions.push({ code, file: file.path, ...position(file, at), ...(status !== undefined && /^\d{3}$/.test(status) ? { status: Number(status) } : {}) });
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
  for (const d of scan.dynamic) {
    const possible = [...byCode.keys()].filter((c) => d.produces.test(c));
    out.push({ file: d.file, line: d.line, col: d.col, severity: 'info', rule: 'source-dynamic-code',
      message: `the code ${d.text} is built at run time and cannot be resolved`,
      hint: `${possible.length > 0 ? `the catalog codes it could produce (${listed(possible)}) are not reported unused; ` : ''}write each code as a literal so the check can follow it` });
  }
  for (const e of scan.emissions) {
    const code = byCode.get(e.code);
    if (!code) {
      out.push({ file: e.file, line: e.line, col: e.col, severity: 'error', rule: 'source-unknown-code',
        message: `the server emits "${e.code}", which the catalog does not have`, hint: unknownCodeHint(e.code, [...byCode.keys()]) });
    } else if (code.data.lifecycle?.state === 'retired') {
      out.push({ file: e.file, line: e.line, col: e.col, severity: 'warning', rule: 'source-retired-code',
        message: `the server still emits "${e.code}", which the catalog says is retired`,
        hint: `stop emitting it${code.data.lifecycle.replacement ? ` (use "${code.data.lifecycle.replacement}")` : ''}, or mark it deprecated instead` });
    } else if (e.status !== undefined && ![code.data.status].flat().includes(e.status)) {
      const statuses = [code.data.status].flat().join(', ');
      out.push({ file: e.file, line: e.line, col: e.col, severity: 'error', rule: 'source-status-mismatch',
        message: `the server sends "${e.code}" with status ${e.status}; the catalog gives it ${statuses}`,
        hint: `send ${statuses}, or add ${e.status} to the status of codes/${e.code}.yaml if the API really returns it` });
    }
  }
  if (scan.problems.some((p) => p.severity === 'error')) return out; // a broken setting would make every code look unused
  for (const c of codes) {
    if (scan.emitted.has(c.data.code) || c.data.lifecycle?.state === 'retired') continue;
    if (scan.dynamic.some((d) => d.produces.test(c.data.code))) continue;
    out.push({ file: c.file.path, ...locate(c.file, ['code']), severity: 'warning', rule: 'source-unused-code',
      message: `no source file emits "${c.data.code}"`,
      hint: 'the server may have stopped returning it: retire the code (lifecycle) or check the `sources` globs and pattern' });
  }
  return out;
}

/** A code the catalog lacks: a typo's closest code, or the code a capture stopped short of (`card` for `card.declined`). */
/** Whether an offset lies in one of `ranges` (in text order), for offsets asked in text order. */
function skipper(list: [number, number][] | (() => [number, number][])): (at: number) => boolean {
  let next = 0;
  return (at) => {
    const ranges = typeof list === 'function' ? list() : list;
    // The ranges ending before this offset are passed for good.
    while (next < ranges.length && ranges[next]![1] <= at) next++;
    return next < ranges.length && ranges[next]![0] <= at;
  };
}

function unknownCodeHint(code: string, known: string[]): string {
  const longer = known.filter((k) => k.startsWith(code) && /^[^A-Za-z0-9]/.test(k.slice(code.length)));
  if (longer.length > 0) {
    const stop = longer[0]!.charAt(code.length);
    return `your pattern captured "${code}": did it stop at a "${stop}"? The catalog has ${listed(longer)}; widen the capture, e.g. ([\\w.:-]+)`;
  }
  const guess = closest(code, known, 1)[0];
  return guess ? `did you mean "${guess}"? Otherwise document it in codes/${code}.yaml` : `document it in codes/${code}.yaml`;
}

function listed(codes: string[]): string {
  const shown = codes.slice(0, 5).map((c) => `"${c}"`).join(', ');
  return codes.length > 5 ? `${shown} and ${codes.length - 5} more` : shown;
}

/** Folders of other people's or generated code, skipped below a glob's fixed part. */
export const SKIPPED_DIRS = ['node_modules', 'vendor', 'dist', 'build', '.next'];

/** The skipped folders a glob does not name itself (`**\/vendor/**` or `../vendor/x/*.ts` reads vendor). */
function skippedDirs(rest: string): Set<string> {
  const named = new Set(rest.split('/'));
  return new Set(SKIPPED_DIRS.filter((d) => !named.has(d)));
}

export const EXAMPLE_PATTERN = 'new ApiError\\(\\s*["\'`]([\\w.:-]+)';

// Parse one catalog file within LIMITS. Clean files go through js-yaml's fast parser; a
// file it rejects, or whose data is too deep or expands too far through aliases, is
// scanned for nesting that could exhaust `yaml`'s recursion, then parsed by `yaml`,
// which says where. Everything here is iterative or bounded by the
// depth limit, and duplicate keys are found with one Set per mapping (linear), so no
// input can exhaust the stack, the heap or the clock.
import { CORE_SCHEMA, load as fastLoad } from 'js-yaml';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { duplicateKey, limitExceeded, yamlSyntax } from './load-rules.ts';
import { LIMITS } from './limits.ts';
import { displayPath, docOf, position, type SourceFile } from './source-file.ts';
import { tooLarge } from './read.ts';

type Problem = Omit<Diagnostic, 'file' | 'line' | 'col' | 'severity' | 'rule'> & { at: number; rule: typeof yamlSyntax | typeof duplicateKey | typeof limitExceeded };

export function parseFile(path: string, text: string, diagnostics: Diagnostic[]): SourceFile {
  const file: SourceFile = { path: displayPath(path), text, data: undefined };
  const report = (p: Problem) => {
    const { at, rule, ...rest } = p;
    diagnostics.push({ file: file.path, ...position(file, at), severity: rule.severity, rule: rule.id, ...rest });
  };
  // Sources other than the disk (a git revision) are held to the same size.
  if (text.length > LIMITS.fileBytes && Buffer.byteLength(text) > LIMITS.fileBytes) {
    report({ at: 0, rule: limitExceeded, message: `file ${tooLarge(Buffer.byteLength(text)).refused}`, hint: SPLIT_HINT });
    return file;
  }
  try {
    // An empty document is null, as `yaml` has it. js-yaml's recursion ends in a RangeError
    // on deep nesting, caught here: so only files it rejects need the nesting scan below.
    const data = fastLoad(text, { schema: CORE_SCHEMA }) ?? null;
    if (!measure(data)) {
      file.data = data;
      return file;
    }
  } catch {
    // Fall through: `yaml` says where and why.
  }
  const deep = nestingBound(text);
  if (deep !== undefined) {
    report(depthProblem(deep));
    return file;
  }
  for (const p of slowParse(file)) report(p);
  return file;
}

const SPLIT_HINT = 'catalog files are small: one code per file, no generated bulk';

function slowParse(file: SourceFile): Problem[] {
  let doc;
  // A broken file can hold a YAML error per line: no stack trace is wanted for any of them.
  const traceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    doc = docOf(file);
  } catch (e) {
    // nestingBound should have refused such a text; if one slips past it, it is still too deep.
    if (e instanceof RangeError) return [depthProblem(scanNesting(file.text, Infinity).deepestAt)];
    throw e;
  } finally {
    Error.stackTraceLimit = traceLimit;
  }
  if (doc.errors.length) {
    // nestingBound keeps the parsers' recursion far from the stack's end; should it still
    // be reached, the problem is reported once.
    // Where the stack ran out depends on the stack left: point at the deepest place instead.
    const overflow = doc.errors.find((err) => /call stack/i.test(err.message));
    if (overflow) return [depthProblem(scanNesting(file.text, Infinity).deepestAt)];
    return capped(doc.errors.map((err): Problem => {
      const duplicate = err.code === 'DUPLICATE_KEY';
      return {
        at: err.pos[0],
        rule: duplicate ? duplicateKey : yamlSyntax,
        message: firstLine(err.message),
        hint: duplicate ? DUPLICATE_HINT : 'fix the YAML syntax at this position',
      };
    }));
  }
  const scan = scanNodes(doc.contents);
  if (scan.length) return capped(scan);
  let data: unknown;
  try {
    data = doc.toJS() ?? null;
  } catch {
    // Only expansion can still fail here (yaml's own alias bound); nesting and anchors were scanned.
    return [expansionProblem(firstAlias(doc.contents) ?? 0)];
  }
  const over = measure(data);
  if (over) return [over === 'depth' ? depthProblem(0) : expansionProblem(firstAlias(doc.contents) ?? 0)];
  file.data = data;
  return [];
}

/** The first problems of a file and a count of the rest: a flood of them says nothing more. */
function capped(problems: Problem[]): Problem[] {
  if (problems.length <= LIMITS.syntaxErrors) return problems;
  const shown = problems.slice(0, LIMITS.syntaxErrors);
  shown.push({ at: problems[LIMITS.syntaxErrors]!.at, rule: yamlSyntax, message: `${problems.length - shown.length} more YAML errors in this file`,
    hint: `only the first ${LIMITS.syntaxErrors} are listed; fix those first, later ones often follow from them` });
  return shown;
}

const DUPLICATE_HINT = 'each key may appear once in a mapping; merge or remove the repeated key';

function depthProblem(at: number): Problem {
  return { at, rule: limitExceeded, message: `nesting deeper than ${LIMITS.depth} levels`, hint: 'catalog data is a few levels deep; flatten this structure' };
}

function expansionProblem(at: number): Problem {
  return {
    at,
    rule: limitExceeded,
    message: `aliases expand this file beyond ${LIMITS.nodes} nodes or ${LIMITS.expandedChars} characters`,
    hint: 'write the values out instead of repeating them through anchors and aliases',
  };
}

/** Depth, unresolved aliases and duplicate keys, in one iterative walk in document order. */
function scanNodes(root: unknown): Problem[] {
  const problems: Problem[] = [];
  const anchors = new Set<string>();
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isNode(node)) continue;
    const at = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        problems.push({ at, rule: yamlSyntax, message: `alias *${node.source} refers to no anchor defined before it`,
          hint: `define &${node.source} before using *${node.source}, or write the value out` });
      }
      continue;
    }
    if (node.anchor) anchors.add(node.anchor);
    if (depth > LIMITS.depth) return [depthProblem(at)];
    const children: unknown[] = [];
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (keys.has(key)) {
            problems.push({ at: pair.key.range?.[0] ?? at, rule: duplicateKey, message: `key "${key}" appears twice in this mapping`,
              hint: DUPLICATE_HINT });
          }
          keys.add(key);
        }
        children.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) children.push(...node.items);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return problems;
}

function firstAlias(root: unknown): number | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) return node.range?.[0];
    const children = isMap(node) ? node.items.flatMap((p) => [p.key, p.value]) : isSeq(node) ? node.items : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return undefined;
}

/** 'depth' or 'size' when the plain data, aliases expanded, exceeds LIMITS; undefined within them. */
export function measure(data: unknown): 'depth' | 'size' | undefined {
  let nodes = 0;
  let chars = 0;
  // Two stacks kept from file to file: a pair for each node would be a million allocations at 10,000 files.
  const values = measureValues;
  const depths = measureDepths;
  values.length = depths.length = 0;
  values.push(data);
  depths.push(1);
  try {
    while (values.length) {
      const value = values.pop();
      const depth = depths.pop()!;
      if (++nodes > LIMITS.nodes) return 'size';
      if (typeof value === 'string') {
        if ((chars += value.length) > LIMITS.expandedChars) return 'size';
        continue;
      }
      if (typeof value !== 'object' || value === null) continue;
      if (depth > LIMITS.depth) return 'depth';
      if (Array.isArray(value)) {
        for (const v of value) {
          values.push(v);
          depths.push(depth + 1);
        }
      } else {
        for (const k of Object.keys(value)) {
          chars += k.length;
          values.push((value as Record<string, unknown>)[k]);
          depths.push(depth + 1);
        }
      }
    }
    return undefined;
  } finally {
    // Nothing of the file kept alive by the stacks.
    values.length = depths.length = 0;
  }
}
const measureValues: unknown[] = [];
const measureDepths: number[] = [];

/**
 * Offset where the text may nest deeper than the parsers can safely recurse, or undefined.
 * Read from the text alone, before any parser: an upper bound of the depth, counting
 * unclosed flow brackets plus, per line, the indentation and the `- `, `? `, `: `
 * indicators on it (block scalar content, quotes and comments left out). A catalog file
 * within LIMITS.depth stays far below it; deeper input is refused before any recursion,
 * so the outcome never depends on how much stack happens to be left.
 */
export function nestingBound(text: string): number | undefined {
  return scanNesting(text, LIMITS.depth * 8).exceededAt;
}

/** nestingBound with another bound (an OpenAPI document nests deeper than a catalog file). */
export function nestingPast(text: string, max: number): number | undefined {
  return scanNesting(text, max).exceededAt;
}

/** Where the text's nesting estimate first passes `max`, and where it is highest. */
function scanNesting(text: string, max: number): { exceededAt?: number; deepestAt: number } {
  let deepest = -1;
  let deepestAt = 0;
  let flow = 0;
  let scalarParent = -1;
  let scalarIndent = -1; // indentation of the block scalar's content, from its first line
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const indent = i - start;
    // Block scalar content: blank, or indented like its first line (more than the line that opened it).
    if (scalarParent >= 0) {
      const blank = i >= end - (text.charCodeAt(end - 1) === 13 ? 1 : 0);
      if (!blank && scalarIndent < 0 && indent > scalarParent) scalarIndent = indent;
      if (blank || (scalarIndent >= 0 && indent >= scalarIndent)) {
        start = end + 1;
        continue;
      }
    }
    scalarParent = -1;
    scalarIndent = -1;
    let indicators = 0;
    let quote = 0;
    let token = -1; // start and end of the line's last token, for a block scalar header (`key: |`, `- >-`)
    let tokenEnd = -1;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      const prev = i > start ? text.charCodeAt(i - 1) : 32;
      if (quote) {
        if (c === quote && !(quote === 34 && prev === 92)) quote = 0;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) continue;
      if (c === 35 && (prev === 32 || prev === 9)) break; // a comment
      if (prev === 32 || prev === 9 || i === start) token = i;
      tokenEnd = i + 1;
      if ((c === 34 || c === 39) && i === token) quote = c;
      else if (c === 91 || c === 123) flow++;
      else if ((c === 93 || c === 125) && flow > 0) flow--;
      else if ((c === 45 || c === 63 || c === 58) && i === token && (i + 1 === end || /[ \t\r]/.test(text[i + 1]!))) indicators++;
      const depth = flow + indent + indicators;
      if (depth > deepest) [deepest, deepestAt] = [depth, i];
      if (depth > max) return { exceededAt: i, deepestAt };
    }
    if (token >= 0 && /^[|>][-+0-9]*$/.test(text.slice(token, tokenEnd))) scalarParent = indent;
    start = end + 1;
  }
  return { deepestAt };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

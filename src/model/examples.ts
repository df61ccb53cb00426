// Examples are documentation people copy: JSON must parse, bodies must follow the
// declared envelope (or the shape they name), and an example of a code must show that
// code, its docs_url and one of its statuses.
import { parseJsonText } from '../load/json-parse.ts';
import type { Example, Shape } from './schema.ts';
import { HEADER_NAME } from './http.ts';
import { isProblem, mediaTypeOf } from './envelope.ts';
import type { SampleError } from './sample-syntax.ts';
import { extensionNameProblem, uriReferenceProblem } from './problem-members.ts';

export interface ExampleProblem {
  /** What is wrong; the rule of the same name (example-json, header-format, problem-type...) reports it. */
  kind: 'json' | 'envelope' | 'code-match' | 'status' | 'header' | 'problem-type' | 'problem-title' | 'problem-status' | 'problem-media-type' | 'problem-instance' | 'problem-extension-name' | 'syntax';
  message: string;
  hint: string;
  /** Line and column inside the example text (1-based), when known. */
  at?: { line: number; col: number };
}

export interface ExampleContext {
  shape: Shape;
  /** Dotted paths this code adds to the body beyond the shape's fields. */
  extensions: string[];
  /** The code the example documents; undefined on page-level examples. */
  code?: string;
  docsUrl?: string;
  statuses?: number[];
  /** On page-level examples: every code in the catalog, which the body's code must be one of. */
  knownCodes?: Set<string>;
  /** Problem details (RFC 9457) shapes: the `type` URI and `title` the code's bodies carry. */
  problem?: { type: string; title?: string; titles?: string[] };
  /** In an `http` example: the status of its status line. */
  lineStatus?: number;
}

/** `syntax`: what parsing the sample found (src/model/sample-syntax.ts parses all of a catalog's samples at once). */
export function checkExample(example: Example, ctx: ExampleContext, syntax?: SampleError | null): ExampleProblem[] {
  if (example.lang === 'json') return checkBody(example.code, 1, ctx);
  if (example.lang === 'http') return checkHttp(example.code, ctx);
  const error = syntax;
  if (error) {
    return [{
      kind: 'syntax',
      message: `${example.lang} example does not parse: ${error.message}`,
      hint: error.hint ?? 'write a sample that runs as shown: no `...` placeholders in code',
      at: { line: error.line, col: error.col },
    }];
  }
  return [];
}

function checkHttp(text: string, ctx: ExampleContext): ExampleProblem[] {
  const problems: ExampleProblem[] = [];
  const normal = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  const lines = normal.split('\n');
  const statusLine = /^HTTP\/\d(?:\.\d)? (\d{3})(?: .*)?$/.exec(lines[0]!);
  if (!statusLine) {
    problems.push({
      kind: 'status',
      message: `HTTP example must start with a status line, found "${lines[0]}"`,
      hint: 'start with e.g. `HTTP/1.1 404 Not Found`',
      at: { line: 1, col: 1 },
    });
  } else if (ctx.statuses && !ctx.statuses.includes(Number(statusLine[1]))) {
    problems.push({
      kind: 'status',
      message: `HTTP example shows status ${statusLine[1]} but the code is returned with ${ctx.statuses.join(', ')}`,
      hint: `use one of the code's statuses (${ctx.statuses.join(', ')}) or add ${statusLine[1]} to \`status\``,
      at: { line: 1, col: 10 },
    });
  }
  let i = 1;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const m = /^([^:\s]+):[ \t]*(.*)$/.exec(lines[i]!);
    if (m && isProblem(ctx.shape) && m[1]!.toLowerCase() === 'content-type' && !m[2]!.trim().toLowerCase().startsWith(mediaTypeOf(ctx.shape))) {
      problems.push({
        kind: 'problem-media-type',
        message: `Content-Type "${m[2]!.trim()}" but ${ctx.shape.title} bodies are ${mediaTypeOf(ctx.shape)}`,
        hint: `answer with \`Content-Type: ${mediaTypeOf(ctx.shape)}\``,
        at: { line: i + 1, col: lines[i]!.length - m[2]!.length + 1 },
      });
    }
    if (!m || !HEADER_NAME.test(m[1]!)) {
      problems.push({
        kind: 'header',
        message: `malformed header line "${lines[i]}"`,
        hint: 'write headers as `Name: value`, then a blank line before the body',
        at: { line: i + 1, col: 1 },
      });
    }
  }
  // What follows the blank line (lines 0..i and their newlines come before it).
  let start = i + 1;
  for (let k = 0; k <= i && k < lines.length; k++) start += lines[k]!.length;
  const body = normal.slice(start);
  // The body's status member must repeat the status line it comes under.
  if (body.trim()) problems.push(...checkBody(body, i + 2, { ...ctx, lineStatus: statusLine ? Number(statusLine[1]) : undefined }));
  return problems;
}

function checkBody(text: string, firstLine: number, ctx: ExampleContext): ExampleProblem[] {
  let body: unknown;
  try {
    body = parseJsonText(text);
  } catch (err) {
    return [
      {
        kind: 'json',
        message: `example is not valid JSON: ${(err as Error).message.replace(/\s*\(line \d+ column \d+\)/, '')}`,
        hint: 'write the complete body: no `...` placeholders, no comments, no trailing commas',
        at: jsonErrorPosition(text, err as Error, firstLine),
      },
    ];
  }
  const problems: ExampleProblem[] = [];
  const { shape } = ctx;
  const { declared, parents } = declaredPaths(shape, ctx.extensions);
  for (const field of shape.fields) {
    // A path through an array (`errors[].code`) is checked in each of its items.
    const values = valuesAt(body, field.name);
    const value = values.find((v) => !hasType(v, field.type)) ?? values[0];
    if (value === undefined) {
      if (field.required) {
        problems.push({
          kind: 'envelope',
          message: `body lacks "${field.name}", which every ${shape.title} carries`,
          hint: `add "${field.name}" (${field.type}) to the example`,
        });
      }
    } else if (!hasType(value, field.type)) {
      problems.push({
        kind: 'envelope',
        message: `"${field.name}" should be ${field.type}, found ${JSON.stringify(value)}`,
        hint: `make "${field.name}" a ${field.type}`,
      });
    }
  }
  for (const leaf of leafPaths(body, declared, '', parents)) {
    problems.push({
      kind: 'envelope',
      message: `body has "${leaf}", which is neither in ${shape.title} nor an extension of this code`,
      hint: `declare it under \`extensions\` (name: ${leaf}) or remove it from the example`,
    });
  }
  if (shape.code_field) {
    // One body may carry several codes (`errors[].code`): the documented one must be among them.
    const codes = valuesAt(body, shape.code_field);
    const unknown = codes.find((c) => typeof c === 'string' && ctx.knownCodes && !ctx.knownCodes.has(c));
    if (ctx.code !== undefined && codes.length > 0 && !codes.includes(ctx.code)) {
      problems.push({
        kind: 'code-match',
        message: `example shows ${shape.code_field} "${codes.map(String).join('", "')}" but documents "${ctx.code}"`,
        hint: `set "${shape.code_field}" to "${ctx.code}"`,
      });
    } else if (unknown !== undefined) {
      problems.push({
        kind: 'code-match',
        message: `example shows ${shape.code_field} "${String(unknown)}", which is not a code in the catalog`,
        hint: 'use a code from the catalog so readers can look it up',
      });
    }
  }
  if (shape.docs_url_field && ctx.docsUrl) {
    const urls = valuesAt(body, shape.docs_url_field);
    const shown = urls.includes(ctx.docsUrl) ? undefined : urls[0];
    if (shown !== undefined) {
      problems.push({
        kind: 'code-match',
        message: `example shows ${shape.docs_url_field} "${String(shown)}" but this code's docs_url is "${ctx.docsUrl}"`,
        hint: `set "${shape.docs_url_field}" to "${ctx.docsUrl}"`,
      });
    }
  }
  if (isProblem(shape)) problems.push(...problemMembers(body, ctx, (key) => memberAt(text, key, firstLine)));
  const statusField = isProblem(shape) ? 'status' : shape.status_field;
  const lineShown = statusField ? getPath(body, statusField) : undefined;
  // (Only when both are statuses of the code: otherwise the status line or the member is reported against the code's statuses.)
  const bothOfCode = !ctx.statuses || (ctx.statuses.includes(Number(lineShown)) && ctx.statuses.includes(ctx.lineStatus ?? 0));
  if (ctx.lineStatus !== undefined && lineShown !== undefined && Number(lineShown) !== ctx.lineStatus && bothOfCode) {
    problems.push({
      kind: isProblem(shape) ? 'problem-status' : 'status',
      message: `body shows ${statusField} ${String(lineShown)} under the status line ${ctx.lineStatus}`,
      hint: `the ${statusField} member repeats the HTTP status: make the two agree`,
      at: memberAt(text, statusField!.split('.').at(-1)!, firstLine),
    });
  }
  if (shape.status_field && ctx.statuses && !(isProblem(shape) && shape.status_field === 'status')) {
    const shown = getPath(body, shape.status_field);
    if (shown !== undefined && !ctx.statuses.includes(Number(shown))) {
      problems.push({
        kind: 'status',
        message: `example shows ${shape.status_field} ${String(shown)} but the code is returned with ${ctx.statuses.join(', ')}`,
        hint: `use one of ${ctx.statuses.join(', ')}`,
      });
    }
  }
  return problems;
}

/** RFC 9457 members of a code's body: its `type` URI, its `title`, one of its statuses. */
function problemMembers(body: unknown, ctx: ExampleContext, at: (key: string) => ExampleProblem['at']): ExampleProblem[] {
  const problems: ExampleProblem[] = [];
  const type = getPath(body, 'type');
  if (ctx.problem && type !== undefined && type !== ctx.problem.type) {
    problems.push({
      kind: 'problem-type',
      message: `example shows type "${String(type)}" but the type of "${ctx.code}" is "${ctx.problem.type}"`,
      hint: `set "type" to "${ctx.problem.type}": clients dispatch on it`,
      at: at('type'),
    });
  }
  const title = getPath(body, 'title');
  // The title in another language the catalog gives is the same title (RFC 9457 lets it vary by language).
  if (ctx.problem?.title !== undefined && title !== undefined && title !== ctx.problem.title && !ctx.problem.titles?.includes(title as string)) {
    problems.push({
      kind: 'problem-title',
      message: `example shows title "${String(title)}" but the title of "${ctx.code}" is "${ctx.problem.title}"`,
      hint: 'a problem type\'s title never changes between occurrences; put the specifics in "detail"',
      at: at('title'),
    });
  }
  const instance = getPath(body, 'instance');
  const badInstance = instance === undefined ? undefined : uriReferenceProblem(instance);
  if (badInstance) {
    problems.push({ kind: 'problem-instance', message: `example shows ${badInstance}`, hint: 'write "instance" as a URI reference, e.g. /orders/ord_42 or urn:uuid:...', at: at('instance') });
  }
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const name of Object.keys(body)) {
      const bad = ctx.shape.fields.some((f) => f.name === name) ? undefined : extensionNameProblem(name);
      if (bad) problems.push({ kind: 'problem-extension-name', message: bad, hint: 'RFC 9457 extension members are letters, digits and "_", at least three characters, starting with a letter', at: at(name) });
    }
  }
  const status = getPath(body, 'status');
  if (ctx.statuses && status !== undefined && !ctx.statuses.includes(Number(status))) {
    problems.push({
      kind: 'problem-status',
      message: `example shows status ${String(status)} but "${ctx.code}" is returned with ${ctx.statuses.join(', ')}`,
      hint: `the "status" member repeats the HTTP status: use one of ${ctx.statuses.join(', ')}`,
      at: at('status'),
    });
  }
  return problems;
}

/** Where the value of a top-level member `"key":` starts in the body text, if it is found. */
function memberAt(text: string, key: string, firstLine: number): ExampleProblem['at'] {
  const m = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\s*:\\s*`).exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index + m[0].length).split('\n');
  return { line: firstLine + before.length - 1, col: before.at(-1)!.length + 1 };
}

function jsonErrorPosition(text: string, err: Error, firstLine: number): { line: number; col: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  if (lc) return { line: firstLine + Number(lc[1]) - 1, col: Number(lc[2]) };
  const pos = /position (\d+)/.exec(err.message);
  if (!pos) return undefined;
  const before = text.slice(0, Number(pos[1])).split('\n');
  return { line: firstLine + before.length - 1, col: before.at(-1)!.length + 1 };
}

export function getPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const step of stepsOf(path)) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}

/** Every value at a dotted path whose `name[]` steps go through each item of an array: `errors[].code`. */
export function valuesAt(value: unknown, path: string): unknown[] {
  const steps = stepsOf(path);
  // Without `[]` a path leads to one value at most: followed without a list at each step.
  if (!path.includes('[]')) {
    let cur = value;
    for (const key of steps) {
      if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return [];
      cur = (cur as Record<string, unknown>)[key];
      if (cur === undefined) return [];
    }
    return [cur];
  }
  let current: unknown[] = [value];
  for (const step of steps) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    current = current.flatMap((cur) => {
      if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return [];
      const next = (cur as Record<string, unknown>)[key];
      if (next === undefined) return [];
      return many ? (Array.isArray(next) ? next : []) : [next];
    });
  }
  return current;
}

// The few paths of a catalog's shapes, each split once.
const splitPaths = new Map<string, string[]>();
function stepsOf(path: string): string[] {
  let steps = splitPaths.get(path);
  if (!steps) {
    steps = path.split('.');
    if (splitPaths.size < 1000) splitPaths.set(path, steps);
  }
  return steps;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

// Most codes share their shape and extensions: the declared paths are worked out once for each.
const declaredCache = new WeakMap<Shape, Map<string, { declared: Set<string>; parents: Set<string> }>>();

function declaredPaths(shape: Shape, extensions: string[]) {
  let byExtensions = declaredCache.get(shape);
  if (!byExtensions) declaredCache.set(shape, (byExtensions = new Map()));
  const key = extensions.join('\n');
  let entry = byExtensions.get(key);
  if (!entry) {
    const declared = new Set([...shape.fields.map((f) => f.name), ...extensions]);
    entry = { declared, parents: parentsOf(declared) };
    byExtensions.set(key, entry);
  }
  return entry;
}

/** Paths in the body that no declared field covers (a declared object covers its children). */
function leafPaths(body: unknown, declared: Set<string>, prefix: string, parents: Set<string>): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const path = childPath(prefix, key);
    if (declared.has(path)) continue;
    if (parents.has(path) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out.push(...leafPaths(value, declared, path, parents));
    } else if (parents.has(`${path}[]`) && Array.isArray(value)) {
      for (const item of value) for (const leaf of leafPaths(item, declared, `${path}[]`, parents)) if (!out.includes(leaf)) out.push(leaf);
    } else out.push(path);
  }
  return out;
}

// The paths of a catalog's bodies, each made once: most bodies repeat the same few keys,
// and a path made anew for each would be a new string to hash for every lookup.
const childPaths = new Map<string, Map<string, string>>();
function childPath(prefix: string, key: string): string {
  if (!prefix) return key;
  let children = childPaths.get(prefix);
  if (!children) {
    if (childPaths.size >= 1000) return `${prefix}.${key}`;
    childPaths.set(prefix, (children = new Map()));
  }
  let path = children.get(key);
  if (path === undefined) {
    path = `${prefix}.${key}`;
    if (children.size < 1000) children.set(key, path);
  }
  return path;
}

/** Every proper prefix of a declared path: `error` for `error.code`. */
function parentsOf(declared: Set<string>): Set<string> {
  const parents = new Set<string>();
  for (const d of declared) for (let i = d.indexOf('.'); i > 0; i = d.indexOf('.', i + 1)) parents.add(d.slice(0, i));
  return parents;
}

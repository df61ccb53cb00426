// Validate: the one rule set. The CLI, the site build and pull-request review all call
// `validate`, so a catalog that passes here passes everywhere.
import { basename } from 'node:path';
import { isScalar, Scalar } from 'yaml';
import type { Diagnostic, Severity } from './diagnostics.ts';
import { checkExample, type ExampleContext } from './examples.ts';
import { openapiDiagnostics, openapiTarget } from './openapi.ts';
import { sourceDiagnostics } from './sources.ts';
import { isProblem, problemShapeProblems, problemTypeUri, shapeOfCode } from './envelope.ts';
import { HEADER_NAME, isErrorStatus } from './http.ts';
import { docOf, locate, position, type DataPath, type LoadedCatalog, type SourceFile } from './load.ts';
import { scanMarkdown } from './markdown.ts';
import { docsUrlFor, pageAnchors, statusesOf } from './model.ts';
import { catalogSchema, codeSchema, type CatalogFile, type CodeFile, type Example, type Shape } from './schema.ts';
import { dotted, schemaDiagnostics } from './schema-issues.ts';
import { readLock, stabilityRules } from './stability.ts';
import { closest } from './suggest.ts';

export interface ValidCode {
  data: CodeFile;
  file: SourceFile;
}

export interface Validated {
  diagnostics: Diagnostic[];
  catalog: CatalogFile | undefined;
  codes: ValidCode[];
}

const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=\S+/;

/** What a run adds to the catalog's own settings. */
export interface CheckOptions {
  /** The API's OpenAPI document (`--openapi`), instead of catalog.yaml's `openapi`. */
  openapi?: string;
}

export function validate(loaded: LoadedCatalog, options: CheckOptions = {}): Validated {
  const diagnostics = [...loaded.diagnostics];
  const report = (
    file: SourceFile,
    at: { line: number; col: number },
    rule: string,
    message: string,
    hint?: string,
    severity: Severity = 'error',
  ) => diagnostics.push({ file: file.path, ...at, severity, rule, message, hint });

  // 1. Shape of each file.
  let catalog: CatalogFile | undefined;
  const catalogFile = loaded.catalog;
  if (catalogFile && catalogFile.data !== undefined) {
    schemaComment(catalogFile, report);
    const parsed = catalogSchema.safeParse(catalogFile.data);
    if (parsed.success) catalog = parsed.data;
    else schemaDiagnostics(catalogFile, catalogSchema, parsed.error.issues, diagnostics);
  }
  const codes: ValidCode[] = [];
  for (const file of loaded.codes) {
    if (file.data === undefined) continue;
    schemaComment(file, report);
    const parsed = codeSchema.safeParse(file.data);
    if (parsed.success) codes.push({ data: parsed.data, file });
    else schemaDiagnostics(file, codeSchema, parsed.error.issues, diagnostics);
  }
  if (loaded.codes.length === 0 && catalogFile) {
    report(catalogFile, { line: 1, col: 1 }, 'no-codes', 'the catalog has no codes', 'add one YAML file per code under codes/');
  }

  // 2. Rules within each code that need no catalog.
  for (const { data, file } of codes) {
    if (basename(file.path).replace(/\.ya?ml$/, '') !== data.code) {
      report(file, locate(file, ['code']), 'filename-matches-code', `file name does not match code "${data.code}"`,
        `rename the file to ${data.code}.yaml so each code is found where its name says`);
    }
    if (data.anchor !== undefined && data.anchor !== data.code) {
      report(file, locate(file, ['anchor']), 'anchor-matches-code', `anchor "${data.anchor}" differs from code "${data.code}"`,
        'docs_url links point at #<code>; remove `anchor` or make it equal to the code');
    }
    if (!data.recovery.trim()) {
      report(file, locate(file, ['recovery']), 'recovery-required', 'recovery is empty',
        'write the steps a developer takes to get past this error');
    }
    for (const [i, s] of statusesOf(data).entries()) {
      if (!isErrorStatus(s)) {
        report(file, locate(file, Array.isArray(data.status) ? ['status', i] : ['status']), 'status-valid',
          `${s} is not a registered 4xx or 5xx HTTP status`, 'errors are returned with a 4xx (client) or 5xx (server) status');
      }
    }
    headerRules(data, file, report);
  }
  uniqueness(codes, report);

  // 3. Rules against the page-level catalog.
  // Names of every code file, valid or not, so one broken file doesn't cascade.
  const codeNames = new Set(codes.map((c) => c.data.code));
  for (const f of loaded.codes) {
    const name = (f.data as { code?: unknown } | undefined)?.code;
    if (typeof name === 'string') codeNames.add(name);
  }
  if (catalog && catalogFile) crossRules(catalog, catalogFile, codes, codeNames, report);
  stabilityRules(loaded.lock, readLock(loaded.lock, diagnostics), codes, codeNames, report);
  markdownRules(catalogFile, catalog, codes, codeNames, report);
  if (catalog && catalogFile) {
    const target = openapiTarget(loaded.dir, catalog, options.openapi);
    if (target) diagnostics.push(...openapiDiagnostics(target, catalog, catalogFile, codes, options.openapi === undefined));
    if (catalog.sources) diagnostics.push(...sourceDiagnostics(loaded.dir, catalog, catalogFile, codes));
  }

  return { diagnostics, catalog, codes };
}

type Report = (
  file: SourceFile,
  at: { line: number; col: number },
  rule: string,
  message: string,
  hint?: string,
  severity?: Severity,
) => void;

function schemaComment(file: SourceFile, report: Report) {
  if (!SCHEMA_COMMENT.test(file.text)) {
    report(file, { line: 1, col: 1 }, 'schema-comment', 'first line lacks the yaml-language-server $schema comment',
      'start the file with `# yaml-language-server: $schema=<relative path to schema/*.schema.json>` so editors complete and check it',
      'warning');
  }
}

function uniqueness(codes: ValidCode[], report: Report) {
  const seen = new Map<string, ValidCode>();
  for (const c of codes) {
    const key = c.data.code.toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, c);
      continue;
    }
    const same = first.data.code === c.data.code;
    report(c.file, locate(c.file, ['code']), 'code-unique',
      same ? `code "${c.data.code}" is also defined in ${first.file.path}`
        : `code "${c.data.code}" differs only in case from "${first.data.code}" in ${first.file.path}`,
      'codes must be unique, case-insensitively: anchors and SDK lookups would collide');
  }
}

function headerRules(data: CodeFile, file: SourceFile, report: Report) {
  const names = new Set<string>();
  for (const [i, h] of (data.headers ?? []).entries()) {
    if (!HEADER_NAME.test(h.name)) {
      report(file, locate(file, ['headers', i, 'name']), 'header-format', `"${h.name}" is not a valid header name`,
        'header names are tokens: letters, digits and - (e.g. Retry-After)');
    }
    if (names.has(h.name.toLowerCase())) {
      report(file, locate(file, ['headers', i, 'name']), 'header-format', `header "${h.name}" is listed twice`, 'list each header once');
    }
    names.add(h.name.toLowerCase());
    if (h.name.toLowerCase() === 'retry-after' && h.example !== undefined &&
        !/^\d+$/.test(h.example) && Number.isNaN(Date.parse(h.example))) {
      report(file, locate(file, ['headers', i, 'example']), 'header-format', `Retry-After "${h.example}" is neither seconds nor an HTTP date`,
        'use a whole number of seconds, e.g. "23"');
    }
  }
}

function crossRules(catalog: CatalogFile, catalogFile: SourceFile, codes: ValidCode[], codeNames: Set<string>, report: Report) {
  let pattern: RegExp | undefined;
  try {
    pattern = new RegExp(catalog.code_pattern, 'u');
  } catch (err) {
    report(catalogFile, locate(catalogFile, ['code_pattern']), 'invalid-value',
      `code_pattern is not a valid regular expression: ${(err as Error).message}`, 'fix the regular expression');
  }
  const categoryIds = catalog.categories.map((c) => c.id);
  const shapes = new Map<string, Shape>((catalog.shapes ?? []).map((s) => [s.id, s]));
  const anchors = pageAnchors(catalog);

  // Statuses named by the page itself.
  for (const key of Object.keys(catalog.statuses)) {
    if (!isErrorStatus(Number(key))) {
      report(catalogFile, locate(catalogFile, ['statuses', key], 'key'), 'status-valid',
        `${key} is not a registered 4xx or 5xx HTTP status`, 'list only the error statuses the API returns');
    }
  }
  for (const [i, row] of (catalog.retry_guidance?.rows ?? []).entries()) {
    for (const [j, s] of row.statuses.entries()) {
      if (!isErrorStatus(s)) {
        report(catalogFile, locate(catalogFile, ['retry_guidance', 'rows', i, 'statuses', j]), 'status-valid',
          `${s} is not a registered 4xx or 5xx HTTP status`, 'use the statuses of the codes this row covers');
      }
    }
  }
  const seenCategory = new Set<string>();
  for (const [i, c] of catalog.categories.entries()) {
    if (seenCategory.has(c.id)) {
      report(catalogFile, locate(catalogFile, ['categories', i, 'id']), 'category-unique', `category "${c.id}" is declared twice`,
        'declare each category once');
    }
    seenCategory.add(c.id);
  }
  for (const id of anchors) {
    if (codeNames.has(id)) {
      report(catalogFile, { line: 1, col: 1 }, 'anchor-collision', `page section id "${id}" equals a code`,
        'rename the section or category id: each code must be the only element with its id');
    }
  }
  for (const [i, shape] of [catalog.envelope, ...(catalog.shapes ?? [])].entries()) {
    const at: DataPath = i === 0 ? ['envelope'] : ['shapes', i - 1];
    for (const message of problemShapeProblems(shape)) {
      report(catalogFile, locate(catalogFile, [...at, 'media_type']), 'problem-envelope', message,
        'RFC 9457 bodies carry `type` (string), `title` (string) and `status` (integer) at the top level, and the code as a top-level extension member');
    }
  }
  // The page's own examples (envelope, shapes, sections).
  const pageExamples: { path: DataPath; example: Example }[] = [];
  if (catalog.envelope.example) pageExamples.push({ path: ['envelope', 'example'], example: catalog.envelope.example });
  for (const [i, s] of (catalog.shapes ?? []).entries()) {
    if (s.example) pageExamples.push({ path: ['shapes', i, 'example'], example: { ...s.example, shape: s.example.shape ?? s.id } });
  }
  for (const [i, s] of (catalog.sections ?? []).entries()) {
    for (const [j, e] of (s.examples ?? []).entries()) pageExamples.push({ path: ['sections', i, 'examples', j], example: e });
  }
  for (const { path, example } of pageExamples) {
    const shape = shapeFor(example, catalog, shapes, catalogFile, path, report);
    if (shape) exampleDiagnostics(catalogFile, path, example, { shape, extensions: [], knownCodes: codeNames }, report);
  }

  for (const { data, file } of codes) {
    if (pattern && !pattern.test(data.code)) {
      report(file, locate(file, ['code']), 'code-pattern', `code "${data.code}" does not match the catalog's pattern ${catalog.code_pattern}`,
        'rename the code to follow the pattern declared as code_pattern in catalog.yaml');
    }
    if (!categoryIds.includes(data.category)) {
      const guess = closest(data.category, categoryIds, 1)[0];
      report(file, locate(file, ['category']), 'category-known', `unknown category "${data.category}"`,
        guess ? `did you mean "${guess}"?` : `declare it in catalog.yaml or use one of: ${categoryIds.join(', ')}`);
    }
    for (const [i, s] of statusesOf(data).entries()) {
      if (isErrorStatus(s) && catalog.statuses[String(s)] === undefined) {
        report(file, locate(file, Array.isArray(data.status) ? ['status', i] : ['status']), 'status-meaning',
          `status ${s} has no meaning in catalog.yaml`, `add \`"${s}": <what it means>\` under statuses in catalog.yaml; the summary table needs it`);
      }
    }
    for (const [i, r] of (data.related ?? []).entries()) {
      if (!codeNames.has(r.code)) {
        const guess = closest(r.code, codeNames, 1)[0];
        report(file, locate(file, ['related', i, 'code']), 'related-resolves', `related code "${r.code}" does not exist`,
          guess ? `did you mean "${guess}"?` : 'add the code to the catalog or remove the relation');
      } else if (r.code === data.code) {
        report(file, locate(file, ['related', i, 'code']), 'related-resolves', 'a code cannot be related to itself', 'remove this entry');
      }
    }
    if (data.lifecycle?.replacement !== undefined && !codeNames.has(data.lifecycle.replacement)) {
      const guess = closest(data.lifecycle.replacement, codeNames, 1)[0];
      report(file, locate(file, ['lifecycle', 'replacement']), 'related-resolves',
        `replacement code "${data.lifecycle.replacement}" does not exist`, guess ? `did you mean "${guess}"?` : 'name an existing code');
    }
    const extensions = (data.extensions ?? []).map((e) => e.name);
    for (const [i, example] of (data.examples ?? []).entries()) {
      const path = ['examples', i];
      const shape = shapeFor(example, catalog, shapes, file, path, report);
      if (!shape) continue;
      const docsUrl = docsUrlFor(catalog, data.code);
      exampleDiagnostics(file, path, example, {
        shape,
        extensions,
        code: data.code,
        docsUrl,
        statuses: statusesOf(data),
        problem: isProblem(shape) ? { type: problemTypeUri(shape, data.code, docsUrl), title: data.title } : undefined,
      }, report);
    }
    if (isProblem(shapeOfCode(data, catalog)) && data.title === undefined) {
      report(file, locate(file, ['summary'], 'key'), 'problem-title', `"${data.code}" has no title, which every problem details body carries`,
        'add `title:`: a short summary of the problem type that never changes between occurrences (RFC 9457)');
    }
  }
}

function shapeFor(example: Example, catalog: CatalogFile, shapes: Map<string, Shape>, file: SourceFile, path: DataPath, report: Report) {
  if (example.shape === undefined) return catalog.envelope;
  const shape = shapes.get(example.shape);
  if (!shape) {
    const guess = closest(example.shape, shapes.keys(), 1)[0];
    report(file, locate(file, [...path, 'shape']), 'shape-known', `unknown shape "${example.shape}"`,
      guess ? `did you mean "${guess}"?` : 'declare it under `shapes` in catalog.yaml');
  }
  return shape;
}

function exampleDiagnostics(file: SourceFile, path: DataPath, example: Example, ctx: ExampleContext, report: Report) {
  for (const p of checkExample(example, ctx)) {
    report(file, p.at ? locateInText(file, [...path, 'code'], p.at) : locate(file, [...path, 'code']), p.rule, p.message, p.hint);
  }
}

/** Position of a line/column inside a scalar's text (block scalars start on the next line). */
function locateInText(file: SourceFile, path: DataPath, at: { line: number; col: number }) {
  const node = docOf(file).getIn(path as (string | number)[], true);
  if (!isScalar(node) || !node.range) return locate(file, path);
  const start = position(file, node.range[0]);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The block's indentation is that of its first line.
    const first = file.text.split('\n')[start.line] ?? '';
    const indent = first.length - first.trimStart().length;
    return { line: start.line + at.line, col: indent + at.col };
  }
  return at.line === 1 ? { line: start.line, col: start.col + at.col } : { line: start.line + at.line - 1, col: at.col };
}

/** Raw HTML, unsafe links and unresolved #references in every text of the catalog. */
function markdownRules(
  catalogFile: SourceFile | undefined,
  catalog: CatalogFile | undefined,
  codes: ValidCode[],
  codeNames: Set<string>,
  report: Report,
) {
  const anchors = new Set([...codeNames, ...(catalog ? pageAnchors(catalog) : [])]);
  const files: { file: SourceFile; data: unknown }[] = codes.map((c) => ({ file: c.file, data: c.data }));
  if (catalogFile && catalog) files.push({ file: catalogFile, data: catalog });
  for (const { file, data } of files) {
    walkText(data, [], (text, path, key) => {
      if (key === 'href') {
        if (!isSafeLinkTarget(text)) {
          report(file, locate(file, path), 'unsafe-link', `link "${text}" uses a scheme other than http(s) or mailto`,
            'link only to https://, mailto:, a relative path or a #fragment');
        }
        return;
      }
      const { problems, links } = scanMarkdown(text);
      for (const p of problems) {
        const at = locateSnippet(file, path, p.snippet);
        if (p.kind === 'raw-html') {
          report(file, at, 'raw-html', `raw HTML in ${dotted(path)}: ${truncate(p.snippet)}`,
            'catalog text is Markdown only; put literal angle brackets in `backticks`');
        } else {
          report(file, at, 'unsafe-link', `unsafe link target "${truncate(p.snippet)}" in ${dotted(path)}`,
            'link only to https://, mailto:, a relative path or a #fragment');
        }
      }
      for (const { href } of links) {
        if (!href.startsWith('#')) continue;
        const target = decodeURIComponent(href.slice(1));
        if (!anchors.has(target)) {
          const guess = closest(target, anchors, 1)[0];
          report(file, locateSnippet(file, path, href), 'reference-resolves', `link to "${href}" matches no code or section`,
            guess ? `did you mean "#${guess}"?` : 'link to an existing code as [code](#code)');
        }
      }
    });
  }
}

// Keys whose strings are identifiers or verbatim example text, not Markdown.
const NOT_MARKDOWN = new Set(['code', 'code_pattern', 'docs_url', 'lang', 'shape', 'id', 'anchor', 'category', 'state',
  'replacement', 'since', 'name', 'type', 'example', 'value', 'code_field', 'docs_url_field', 'status_field']);

function walkText(value: unknown, path: (string | number)[], visit: (text: string, path: DataPath, key: string) => void, key = '') {
  if (typeof value === 'string') {
    if (!NOT_MARKDOWN.has(key)) visit(value, path, key);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walkText(v, [...path, i], visit, key));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkText(v, [...path, k], visit, k);
  }
}

function isSafeLinkTarget(href: string): boolean {
  return scanMarkdown(`[x](${href.replace(/[()]/g, encodeURIComponent)})`).problems.length === 0;
}

function locateSnippet(file: SourceFile, path: DataPath, snippet: string) {
  const node = docOf(file).getIn(path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
  if (node?.range && snippet) {
    const i = file.text.indexOf(snippet, node.range[0]);
    if (i >= 0 && i < node.range[1]) return position(file, i);
  }
  return locate(file, path);
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}


// One pass over every example in the catalog (the page's and each code's), shared by the
// example rules, shape-known and header-format: each reports its own problems from it.
import { isScalar, Scalar } from 'yaml';
import { checkExample, type ExampleContext } from '../../model/examples.ts';
import { syntaxErrors, type SampleError } from '../../model/sample-syntax.ts';
import { takeSampleParsing } from '../../bridges/sample-syntax-early.ts';
import { docOf, locate, position, type DataPath, type SourceFile } from '../../load/load.ts';
import { isProblem, problemTypeUri } from '../../model/envelope.ts';
import { docsUrlFor, statusesOf } from '../../model/model.ts';
import type { Example, Shape } from '../../model/schema.ts';
import { closest } from '../../load/suggest.ts';
import type { RuleContext } from '../context.ts';
import type { ExampleProblem } from '../../model/examples.ts';

export interface ExampleFinding {
  kind: ExampleProblem['kind'] | 'unknown-shape';
  file: SourceFile;
  at: { line: number; col: number };
  message: string;
  hint: string;
}

/** Every problem found in the catalog's examples; needs a valid catalog.yaml. */
export function exampleFindings(ctx: RuleContext): ExampleFinding[] {
  const { catalog, catalogFile } = ctx;
  if (!catalog || !catalogFile) return [];
  const out: ExampleFinding[] = [];
  const shapes = new Map<string, Shape>((catalog.shapes ?? []).map((s) => [s.id, s]));
  type Visit = [file: SourceFile, path: DataPath, example: Example, context: Omit<ExampleContext, 'shape'>, title?: string, titles?: string[]];
  const visits: Visit[] = [];
  const visit = (...v: Visit) => void visits.push(v);
  const check = ([file, path, example, context, title, titles]: Visit, syntax: SampleError | null | undefined) => {
    let shape: Shape | undefined = catalog.envelope;
    if (example.shape !== undefined) {
      shape = shapes.get(example.shape);
      if (!shape) {
        const guess = closest(example.shape, shapes.keys(), 1)[0];
        out.push({ kind: 'unknown-shape', file, at: locate(file, [...path, 'shape']), message: `unknown shape "${example.shape}"`,
          hint: guess ? `did you mean "${guess}"?` : 'declare it under `shapes` in catalog.yaml' });
        return;
      }
    }
    // A problem details body (RFC 9457) carries the code's type URI and title.
    const problem = isProblem(shape) && context.code !== undefined && context.docsUrl !== undefined
      ? { type: problemTypeUri(shape, context.code, context.docsUrl), title, titles }
      : undefined;
    for (const p of checkExample(example, { ...context, shape, problem }, syntax)) {
      const at = p.at ? locateInText(file, [...path, 'code'], p.at) : locate(file, [...path, 'code']);
      out.push({ kind: p.kind, file, at, message: p.message, hint: p.hint });
    }
  };
  // The page's own examples (envelope, shapes, sections) may show any code of the catalog.
  const page = { extensions: [], knownCodes: ctx.codeNames };
  if (catalog.envelope.example) visit(catalogFile, ['envelope', 'example'], catalog.envelope.example, page);
  for (const [i, s] of (catalog.shapes ?? []).entries()) {
    if (s.example) visit(catalogFile, ['shapes', i, 'example'], { ...s.example, shape: s.example.shape ?? s.id }, page);
  }
  for (const [i, s] of (catalog.sections ?? []).entries()) {
    for (const [j, e] of (s.examples ?? []).entries()) visit(catalogFile, ['sections', i, 'examples', j], e, page);
  }
  for (const { data, file } of ctx.codes) {
    const examples = data.examples ?? [];
    if (!examples.length) continue;
    const extensions = (data.extensions ?? []).map((e) => e.name);
    const context = { extensions, code: data.code, docsUrl: docsUrlFor(catalog, data.code), statuses: statusesOf(data) };
    const titles = data.titles ? Object.values(data.titles) : [];
    for (let i = 0; i < examples.length; i++) visit(file, ['examples', i], examples[i]!, context, data.title, titles);
  }
  // Every sample of the catalog parsed in one go: long ones share one child process.
  // (A large catalog's were parsed on another thread meanwhile: src/bridges/sample-syntax-early.ts.)
  const syntax = syntaxErrors(visits.map((v) => v[2]), takeSampleParsing(ctx.loaded));
  visits.forEach((v, i) => check(v, syntax[i]));
  return out;
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

/** Report the findings of one kind. */
export function reportFindings(ctx: RuleContext, kind: ExampleFinding['kind'], report: (f: SourceFile, at: { line: number; col: number }, m: string, h: string) => void) {
  for (const f of ctx.shared(exampleFindings)) if (f.kind === kind) report(f.file, f.at, f.message, f.hint);
}

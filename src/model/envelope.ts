// What a response body of a code looks like: which shape it follows, its media type, the
// RFC 9457 members of a problem+json shape, and the body its examples show. Shared by the
// example check, OpenAPI out and OpenAPI in, so all three read a catalog the same way.
import { parseJsonText } from '../load/json-parse.ts';
import type { CatalogFile, CodeFile, Example, Shape } from './schema.ts';

export const PROBLEM_JSON = 'application/problem+json';

export function isProblem(shape: Shape): boolean {
  return shape.media_type === PROBLEM_JSON;
}

export function mediaTypeOf(shape: Shape): string {
  return shape.media_type ?? 'application/json';
}

/** The RFC 9457 `type` of a code: the shape's `type_uri` template, or the code's docs_url. */
export function problemTypeUri(shape: Shape, code: string, docsUrl: string): string {
  return shape.type_uri ? shape.type_uri.replaceAll('{code}', code) : docsUrl;
}

/** The shape a code's bodies follow: the one its examples name, else the envelope. */
export function shapeOfCode(code: Pick<CodeFile, 'examples'>, catalog: CatalogFile): Shape {
  const named = (code.examples ?? []).map((e) => e.shape).find((s) => s !== undefined);
  return (named && catalog.shapes?.find((s) => s.id === named)) || catalog.envelope;
}

/**
 * Every shape a code's bodies follow: those its body examples show (a code may answer in two,
 * e.g. a legacy endpoint's), else the one `shapeOfCode` gives.
 */
export function bodyShapesOf(code: Pick<CodeFile, 'examples'>, catalog: CatalogFile): Shape[] {
  const shapes = new Set<Shape>();
  for (const e of code.examples ?? []) {
    const shape = e.shape === undefined ? catalog.envelope : catalog.shapes?.find((s) => s.id === e.shape);
    if (shape && parseExample(e)) shapes.add(shape);
  }
  return shapes.size ? [...shapes] : [shapeOfCode(code, catalog)];
}

/** Status and JSON body of an example (`json`, or the body of an `http` response), if it parses. */
export function parseExample(example: Example): { status?: number; body: unknown } | undefined {
  let text = example.code;
  let status: number | undefined;
  if (example.lang === 'http') {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const m = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(lines[0]!);
    if (m) status = Number(m[1]);
    const blank = lines.findIndex((l) => l.trim() === '');
    text = blank < 0 ? '' : lines.slice(blank + 1).join('\n');
  } else if (example.lang !== 'json') return undefined;
  try {
    return { status, body: parseJsonText(text) };
  } catch {
    return undefined;
  }
}

/** The body one of the code's examples shows for this status and shape, if any. */
export function exampleBody(code: Pick<CodeFile, 'examples'>, status: number, shape: Shape, catalog: CatalogFile): unknown {
  for (const e of code.examples ?? []) {
    const eShape = e.shape === undefined ? catalog.envelope : catalog.shapes?.find((s) => s.id === e.shape);
    if (eShape !== shape) continue;
    const parsed = parseExample(e);
    if (parsed && (parsed.status === undefined || parsed.status === status) && typeof parsed.body === 'object') return parsed.body;
  }
  return undefined;
}

const PROBLEM_MEMBERS = [['type', 'string'], ['title', 'string'], ['status', 'integer']] as const;

/** What a shape declared as problem+json lacks to be one. */
export function problemShapeProblems(shape: Shape): string[] {
  if (!isProblem(shape)) return [];
  const out: string[] = [];
  for (const [name, type] of PROBLEM_MEMBERS) {
    const field = shape.fields.find((f) => f.name === name);
    // RFC 9457 makes `status` advisory: a body may leave it out, but not give it another type.
    if (!field && name === 'status') continue;
    if (!field) out.push(`${shape.title} is application/problem+json but declares no "${name}" field`);
    else if (field.type !== type && !(name === 'status' && field.type === 'number')) {
      out.push(`"${name}" of ${shape.title} must be ${type}, not ${field.type}`);
    }
  }
  if (shape.code_field?.includes('.')) out.push(`code_field "${shape.code_field}" must be a top-level member of a problem details body`);
  return out;
}

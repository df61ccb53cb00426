// OpenAPI out: an OpenAPI 3.1 document holding only components, generated from the
// model: the error body as a schema (fields from the catalog's envelope, `code` as an enum
// of the codes, the docs URL as a URI) and one reusable response per HTTP status with a
// named example per code. An API's own OpenAPI document `$ref`s its responses, e.g.
// `$ref: './errors.openapi.json#/components/responses/Error404'`.
// Every `description` is CommonMark that viewers render: catalog text in it goes through
// markdown-safe.ts (plain text escaped, catalog Markdown only when inert, http(s) links only).
import { expectedHeaders, type CatalogModel, type CodeEntry } from '../model/model.ts';
import { valuesAt } from '../model/examples.ts';
import { REASON_PHRASES } from '../model/http.ts';
import { bodyShapesOf, exampleBody, isProblem, mediaTypeOf, parseExample, problemTypeUri, shapeOfCode } from '../model/envelope.ts';
import type { Shape } from '../model/schema.ts';
import { markdownCode } from '../reporters/escape.ts';
import { mdBlock, mdLink, mdText } from './markdown-safe.ts';

type JsonSchema = Record<string, unknown>;

export const ENVELOPE_SCHEMA = 'Error';
export const CODE_SCHEMA = 'ErrorCode';

export function responseName(status: number): string {
  return `Error${status}`;
}

function shapeSchemaName(shape: Shape, model: CatalogModel): string {
  return shape === model.catalog.envelope ? ENVELOPE_SCHEMA : `Error-${shape.id}`;
}

export function errorsOpenapi(model: CatalogModel): Record<string, unknown> {
  const { catalog } = model;
  const live = model.codes.filter((c) => c.lifecycle?.state !== 'retired');
  // The enum is the values of a code field: a code whose shape has none never appears in one
  // (an API document checked against the catalog would see it offered by no operation).
  const coded = live.filter((c) => bodyShapesOf(c, catalog).some((s) => s.code_field !== undefined));
  const schemas: Record<string, JsonSchema> = {
    [CODE_SCHEMA]: {
      type: 'string',
      description: `Every error code the ${mdText(catalog.api)} API returns in a code field. Reference: ${mdText(catalog.docs_url)}`,
      enum: coded.map((c) => c.code),
      // Read by openapi-generator and others to document each enum value.
      'x-enum-descriptions': coded.map((c) => mdBlock(c.summary)),
    },
  };
  const shapes = [catalog.envelope, ...(catalog.shapes ?? [])];
  for (const shape of shapes) schemas[shapeSchemaName(shape, model)] = shapeSchema(shape, model);

  const statuses = [...new Set(live.flatMap((c) => c.statuses))].sort((a, b) => a - b);
  const responses: Record<string, unknown> = {};
  for (const status of statuses) {
    const codes = live.filter((c) => c.statuses.includes(status));
    responses[responseName(status)] = response(status, codes, model);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${catalog.api} API errors`,
      version: '1.0.0',
      description: `${mdText(catalog.description)}\n\nGenerated from the error catalog published at ${mdText(catalog.docs_url)}.`,
    },
    externalDocs: { url: catalog.docs_url, description: mdText(`${catalog.api} ${catalog.title}`) },
    // No operations of its own; an empty `paths` keeps tools that insist on one happy.
    paths: {},
    components: { schemas, responses },
  };
}

/** Nested object schemas from the shape's dotted field names (`error.code` -> error.properties.code). */
function shapeSchema(shape: Shape, model: CatalogModel): JsonSchema {
  const root: JsonSchema = { type: 'object', title: shape.title, properties: {} };
  if (shape.description) root.description = mdBlock(shape.description.trim());
  const fields = [...shape.fields.map((f) => ({ ...f, extension: [] as string[] }))];
  if (shape === model.catalog.envelope) {
    // Fields codes add to the envelope, optional and documented with the codes that add them.
    const extensions = new Map<string, { type: string; description: string; codes: string[] }>();
    for (const c of model.codes) {
      for (const x of c.extensions ?? []) {
        const seen = extensions.get(x.name);
        if (seen) seen.codes.push(c.code);
        else extensions.set(x.name, { type: x.type, description: x.description, codes: [c.code] });
      }
    }
    for (const [name, x] of extensions) {
      if (fields.some((f) => f.name === name)) continue;
      fields.push({ name, type: x.type as Shape['fields'][number]['type'], required: false, notes: x.description, extension: x.codes });
    }
  }
  for (const f of fields) {
    const steps = f.name.split('.');
    let node = root;
    for (const [i, step] of steps.entries()) {
      const props = (node.properties ??= {}) as Record<string, JsonSchema>;
      const { key, many } = parseStep(step);
      if (i < steps.length - 1) {
        // A field that contradicts an earlier one (`errors` and `errors[].code`) replaces it, never crashes.
        if (many && !isRecord(props[key]?.items)) props[key] = { type: 'array', items: { type: 'object', properties: {} } };
        props[key] ??= { type: 'object', properties: {} };
        node = many ? (props[key].items as JsonSchema) : props[key];
      } else {
        const notes = mdBlock(f.notes.trim());
        const leaf = leafSchema(shape, f.name, f.type, f.extension.length ? `Only with ${mdText(f.extension.join(', '))}. ${notes}` : notes);
        props[key] = many ? { type: 'array', items: leaf } : leaf;
      }
    }
    if (f.required) markRequired(root, steps);
  }
  return root;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A step of a field path: `errors[]` goes through each item of the array `errors`. */
function parseStep(step: string): { key: string; many: boolean } {
  const many = step.endsWith('[]');
  return { key: many ? step.slice(0, -2) : step, many };
}

function leafSchema(shape: Shape, name: string, type: string, description: string): JsonSchema {
  if (name === shape.code_field) return { $ref: `#/components/schemas/${CODE_SCHEMA}`, description };
  const schema: JsonSchema = { type, description };
  if (name === shape.docs_url_field || (isProblem(shape) && (name === 'type' || name === 'instance'))) {
    schema.format = name === 'instance' ? 'uri-reference' : 'uri';
  }
  return schema;
}

/** A required leaf makes every object on its path required in its parent. */
function markRequired(root: JsonSchema, steps: string[]) {
  let node = root;
  for (const step of steps) {
    const { key, many } = parseStep(step);
    const req = (node.required ??= []) as string[];
    if (!req.includes(key)) req.push(key);
    const next = (node.properties as Record<string, JsonSchema> | undefined)?.[key];
    const inner = many ? next?.items : next;
    if (!isRecord(inner)) return;
    node = inner;
  }
}

function response(status: number, codes: CodeEntry[], model: CatalogModel): Record<string, unknown> {
  const list = codes.map((c) => mdLink(markdownCode(c.code), c.docsUrl)).join(', ');
  const byMedia = new Map<string, { schemas: Set<string>; examples: Record<string, unknown> }>();
  for (const c of codes) {
    const main = shapeOfCode(c, model.catalog);
    // A code answering in two shapes gets an example of each it shows (the code field of one
    // names it to a document's check); only its main shape gets one built when none is shown.
    for (const shape of new Set([main, ...bodyShapesOf(c, model.catalog)])) {
      const value = exampleBody(c, status, shape, model.catalog) ?? (shape === main ? synthesize(c, status, shape, model) : undefined);
      if (value === undefined) continue;
      const media = mediaTypeOf(shape);
      const entry = byMedia.get(media) ?? { schemas: new Set<string>(), examples: {} };
      byMedia.set(media, entry);
      entry.schemas.add(shapeSchemaName(shape, model));
      entry.examples[c.code in entry.examples ? `${c.code} (${shape.id})` : c.code] = {
        summary: c.summary,
        description: `${mdLink(mdText(c.code), c.docsUrl)}: ${mdBlock(c.summary)}`,
        value,
        'x-docs-url': c.docsUrl,
        // The title in other languages (RFC 9457 lets it vary): a client may receive any of them.
        ...(c.titles ? { 'x-titles': c.titles } : {}),
        // Example objects have no `deprecated`: the extension tools (and `check --openapi`) read.
        ...(c.lifecycle?.state === 'deprecated' ? { 'x-deprecated': true } : {}),
      };
    }
  }
  const content: Record<string, unknown> = {};
  for (const [media, { schemas, examples }] of byMedia) {
    const refs = [...schemas].map((s) => ({ $ref: `#/components/schemas/${s}` }));
    content[media] = { schema: refs.length === 1 ? refs[0] : { oneOf: refs }, examples };
  }
  const out: Record<string, unknown> = {
    description: `${status} ${REASON_PHRASES[status] ?? ''}`.trim() +
      (model.catalog.statuses[String(status)] ? `: ${mdText(model.catalog.statuses[String(status)]!)}` : '') +
      ` Codes: ${list}.`,
    content,
  };
  const headers = responseHeaders(codes);
  if (Object.keys(headers).length) out.headers = headers;
  return out;
}

/** Headers any code of the status sends, each saying which codes send it. */
function responseHeaders(codes: CodeEntry[]): Record<string, unknown> {
  const headers: Record<string, { description: string; schema: JsonSchema; example?: string }> = {};
  for (const c of codes) {
    for (const h of c.headers ?? []) {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === h.name.toLowerCase()) ?? h.name;
      const prev = headers[key];
      const description = `With ${markdownCode(c.code)}: ${mdBlock(h.description.trim())}`;
      if (prev) prev.description += `\n\n${description}`;
      else headers[key] = { description, schema: { type: 'string' }, ...(h.example !== undefined ? { example: h.example } : {}) };
    }
    // Retry advice that waits for Retry-After relies on the header even when the code lists no headers.
    for (const name of expectedHeaders(c)) {
      if (Object.keys(headers).some((k) => k.toLowerCase() === name.toLowerCase())) continue;
      headers[name] = { description: `With ${markdownCode(c.code)}: how long to wait before retrying.`, schema: { type: 'string' } };
    }
  }
  return headers;
}

/** A body for a code without an example of this status: its code, docs URL, status and message. */
function synthesize(c: CodeEntry, status: number, shape: Shape, model: CatalogModel): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  // An `errors[]` step writes into the array's one item.
  const set = (path: string, value: unknown) => {
    const steps = path.split('.').map(parseStep);
    let node = body;
    for (const { key, many } of steps.slice(0, -1)) {
      if (many) {
        if (!Array.isArray(node[key]) || !isRecord(node[key][0])) node[key] = [{}];
        node = (node[key] as Record<string, unknown>[])[0]!;
      } else {
        if (!isRecord(node[key])) node[key] = {};
        node = node[key] as Record<string, unknown>;
      }
    }
    const { key, many } = steps.at(-1)!;
    node[key] = many ? [value] : value;
  };
  const firstAt = (value: unknown, path: string) => valuesAt(value, path)[0];
  if (isProblem(shape)) {
    // Only the members the shape lists: an envelope may leave out `status` (RFC 9457 makes
    // every member optional), and the check rejects a body with a member its shape lacks.
    const listed = (name: string) => shape.fields.some((f) => f.name === name);
    if (listed('type')) set('type', problemTypeUri(shape, c.code, c.docsUrl));
    if (listed('title')) set('title', c.title ?? c.summary);
    if (listed('status')) set('status', status);
    if (c.message && listed('detail')) set('detail', c.message);
  }
  if (shape.code_field) set(shape.code_field, c.code);
  if (shape.docs_url_field) set(shape.docs_url_field, c.docsUrl);
  if (shape.status_field) set(shape.status_field, status);
  const messageField = shape.fields.find((f) => /(^|\.)message$/.test(f.name) && f.type === 'string');
  if (messageField && firstAt(body, messageField.name) === undefined) set(messageField.name, c.message ?? c.summary);
  // Other required fields (a request id...) take the value the code's own examples (of its
  // other statuses) show, else the shape's example. That example is some code's body: its
  // `detail` and `instance` tell of that code's occurrence, so no other code borrows them.
  const own = c.statuses.map((s) => exampleBody(c, s, shape, model.catalog)).filter((b) => b !== undefined);
  const sample = shape.example ? parseExample(shape.example)?.body : undefined;
  const sampleIsOwn = shape.code_field !== undefined && valuesAt(sample, shape.code_field).includes(c.code);
  for (const f of shape.fields) {
    if (!f.required || firstAt(body, f.name) !== undefined) continue;
    const lent = sampleIsOwn || !(isProblem(shape) && OCCURRENCE_MEMBERS.includes(f.name));
    const value = [...own, ...(lent ? [sample] : [])].map((b) => firstAt(b, f.name)).find((v) => v !== undefined);
    if (value !== undefined) set(f.name, value);
    else if (isProblem(shape) && f.name === 'detail') set(f.name, c.summary);
    // RFC 6963's example namespace: plainly a stand-in, and this code's own.
    else if (isProblem(shape) && f.name === 'instance') set(f.name, `urn:example:${encodeURIComponent(c.code)}`);
  }
  return body;
}

/** RFC 9457 members that describe one occurrence of a problem, not its type. */
const OCCURRENCE_MEMBERS = ['detail', 'instance'];

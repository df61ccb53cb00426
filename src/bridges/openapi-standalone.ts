// Whether an OpenAPI document in one file can be validated as it is, without
// swagger-parser's bundle(): bundling a document whose every $ref is internal and resolves
// changes nothing the OpenAPI schema looks at (a $ref's string is not validated), yet it
// crawls every $ref and costs more than the parse (3 s for a 12 MB document of 13,000
// $refs). So a document that passes swagger-parser's own checks before bundling, and whose
// $refs all point at values in the same document, is validated directly; any other (an
// external file, a dangling or escaped $ref, Swagger 2.0, an unsupported version) is
// bundled as before, so its messages stay swagger-parser's. A JSON file's data is the
// walk's own JSON.parse; a YAML file's is read as swagger-parser reads it (js-yaml's JSON
// schema: the walk's own readYaml, else yamlData).
import { JSON_SCHEMA, load } from 'js-yaml';

/** swagger-parser's versions (lib/index.js). */
const VERSIONS = ['3.1.0', '3.1.1', '3.1.2', '3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4'];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when bundling `doc` would leave it as it is and raise nothing. */
export function standalone(doc: unknown): boolean {
  if (!isObject(doc) || doc.swagger !== undefined) return false;
  if (typeof doc.openapi !== 'string' || !VERSIONS.includes(doc.openapi) || doc.paths === undefined) return false;
  if (isObject(doc.info) && typeof doc.info.version === 'number') return false;
  // Every value, iteratively (no recursion on the document's depth).
  const stack: unknown[] = [doc];
  /** Each $ref string resolved once: a large document names the same components thousands of times. */
  const resolved = new Map<unknown, boolean>();
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    if (Object.hasOwn(v, '$ref')) {
      const ref = (v as Json).$ref;
      let ok = resolved.get(ref);
      if (ok === undefined) resolved.set(ref, (ok = resolves(doc, ref)));
      if (!ok) return false;
    }
    for (const key of Object.keys(v)) stack.push((v as Json)[key]);
  }
  return true;
}

/**
 * `#` or `#/a/b` naming a value of the document by plain steps: no %-escape (swagger-parser
 * and the walk decode them in different orders) and no $ref on the way (swagger-parser
 * would follow it first).
 */
function resolves(doc: Json, ref: unknown): boolean {
  if (typeof ref !== 'string' || ref.includes('%') || (ref !== '#' && !ref.startsWith('#/'))) return false;
  let node: unknown = doc;
  for (const raw of ref === '#' ? [] : ref.slice(2).split('/')) {
    if (typeof node !== 'object' || node === null || (isObject(node) && Object.hasOwn(node, '$ref'))) return false;
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, token) || (Array.isArray(node) && !/^(0|[1-9]\d*)$/.test(token))) return false;
    node = (node as Json)[token];
  }
  return true;
}

/**
 * A YAML file's data as swagger-parser reads it (json-schema-ref-parser's YAML parser:
 * js-yaml's JSON schema, else its default one), or undefined where it would fail.
 */
export function yamlData(text: string): unknown {
  try {
    return load(text, { schema: JSON_SCHEMA });
  } catch {
    try {
      return load(text);
    } catch {
      return undefined;
    }
  }
}

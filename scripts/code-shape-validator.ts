// The compiled test of a code file's shape that the CLI bundle carries in place of
// src/check/code-shape-validator.ts: ajv's standalone code for the JSON Schema of a code
// file (what `npm run schema` writes as schema/code.schema.json, generated from the zod
// schema), as plain JavaScript that needs nothing of ajv at run time.
import { Ajv, type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { jsonSchemas } from '../src/model/json-schema.ts';

// As zod tests: a string's length in UTF-16 units (ajv counts code points by default) and
// patterns without the u flag. Only whether a file passes is wanted: the first error ends it.
const OPTIONS = { code: { source: true, esm: true }, strict: false, allErrors: false, messages: false, unicodeRegExp: false, unicode: false, logger: false } as Options;

/** The module's source: `export const acceptsCode = (data) => boolean`. */
export function codeShapeValidator(): string {
  const ajv = new Ajv(OPTIONS);
  ajv.addSchema(withoutDescriptions(JSON.parse(jsonSchemas()['code.schema.json']!)) as object, 'code');
  const source = standaloneCode(ajv, { acceptsCode: 'code' });
  // A helper of ajv's runtime would be a dependency of the published CLI.
  if (/\brequire\(/.test(source)) throw new Error(`the code shape validator needs ajv at run time: ${source.match(/require\([^)]*\)/)![0]}`);
  return source;
}

/** The schema without its descriptions (the module would carry them all): they test nothing. */
function withoutDescriptions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDescriptions);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(Object.entries(schema).flatMap(([k, v]) => {
    if (k === 'description' && typeof v === 'string') return [];
    // A map of property names to schemas: a property may be called "description".
    if (k === 'properties') return [[k, Object.fromEntries(Object.entries(v as object).map(([name, s]) => [name, withoutDescriptions(s)]))]];
    return [[k, withoutDescriptions(v)]];
  }));
}

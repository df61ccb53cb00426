// An OpenAPI document validated against the specification's JSON schema as swagger-parser's
// validator does (lib/validators/schema.js): nothing returned when it conforms, else a
// SyntaxError carrying ajv's errors as `details` (a rejected promise). In the CLI bundle the validators are
// compiled ahead (openapi-schema-precompiled.ts), which spares each run some 150 ms of
// compiling; they give the errors swagger-parser's would (tests/unit/openapi-schema.test.ts).
import type { SchemaValidate } from './openapi-schema-precompiled.ts';

export async function validateSchema(api: unknown, validators?: Partial<Record<'v2' | 'v3' | 'v31', SchemaValidate>>): Promise<void> {
  // Loaded on first use: a worker whose document is validated in another thread never
  // evaluates them (some 500 kB of code and schemas in the bundle).
  const validate = validatorFor(api, validators ?? (await import('./openapi-schema-precompiled.ts')));
  if (!validate) {
    // None compiled, or a value swagger-parser's validator fails on in its own way: its word.
    // Loaded only here: in the bundle, ajv and the schemas it compiles are then never evaluated.
    const { default: swaggerValidateSchema } = await import('@apidevtools/swagger-parser/lib/validators/schema.js');
    return swaggerValidateSchema(api);
  }
  if (validate(api)) return;
  const errors = validate.errors ?? [];
  const error = new SyntaxError(`Swagger schema validation failed.\n${errors.map((e) => `  #${e.instancePath || '/'} ${e.message}\n`).join('')}`);
  (error as SyntaxError & { details: unknown }).details = errors;
  throw error;
}

/** A problem the validation of the document raised, at a JSON pointer when it names one. */
export type DocProblem = { message: string; pointer?: string };

/** What validateSchema (or swagger-parser's bundling before it) threw, as the problems the check reports: ajv's errors, else the message's first line. */
export function problemsOf(err: unknown): DocProblem[] {
  const details = (err as { details?: { instancePath?: string; message?: string; params?: unknown }[] }).details;
  if (Array.isArray(details) && details.length) {
    return details.map((d) => ({ message: `${d.message}${d.params ? ` ${JSON.stringify(d.params)}` : ''}`, pointer: d.instancePath }));
  }
  const message = (err as Error).message;
  return [{ message: message.split('\n').find((l) => l.trim())?.trim() ?? message }];
}

/** The validator swagger-parser would pick for `api` (by `swagger`, then `openapi`'s version). */
function validatorFor(api: unknown, validators: Partial<Record<'v2' | 'v3' | 'v31', SchemaValidate>>): SchemaValidate | undefined {
  if (typeof api !== 'object' || api === null) return undefined;
  const doc = api as { swagger?: unknown; openapi?: unknown };
  if (doc.swagger) return validators.v2;
  if (typeof doc.openapi !== 'string') return undefined;
  return doc.openapi.startsWith('3.1') ? validators.v31 : validators.v3;
}

// The OpenAPI schema validators compiled ahead, for the CLI: scripts/build-cli.ts puts here,
// in the bundle, ajv's standalone code for the schemas swagger-parser validates with
// (scripts/openapi-schema-validator.ts), plain JavaScript that compiles nothing at run time.
// In the sources (tests, a stale bundle) there are none and swagger-parser's validator,
// compiled on each call, is used (openapi-schema.ts).
export type SchemaValidate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: unknown }[] | null };

export const v2: SchemaValidate | undefined = undefined;
export const v3: SchemaValidate | undefined = undefined;
export const v31: SchemaValidate | undefined = undefined;

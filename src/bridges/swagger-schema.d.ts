// swagger-parser's schema validator, which its package ships without types: validates an
// OpenAPI (or Swagger 2.0) object against the specification's JSON schema, throws a
// SyntaxError with Ajv's `details` when it does not conform.
declare module '@apidevtools/swagger-parser/lib/validators/schema.js' {
  export default function validateSchema(api: unknown): void;
}

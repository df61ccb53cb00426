// The one schema of a catalog. The check validates against it, and the JSON Schema that
// editors use (`# yaml-language-server: $schema=...`) is generated from it, so the two
// never disagree. Nothing here is specific to one API: envelope fields, the code
// pattern, categories and the docs URL are all catalog data.
import { z } from 'zod';

/** Markdown text. Raw HTML and unsafe links are rejected by the check, not here. */
const markdown = z.string().describe('Markdown (no raw HTML).');
const oneLine = z.string().regex(/^[^\n]*$/, 'must be a single line');

/** An API version: one plain word, e.g. `v1.3`, safe to write unquoted in the lock. */
export const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,39}$/;

// The docs URL reaches every export (OpenAPI descriptions, llms.txt, errors.d.ts), so it
// is a plain absolute URL: https (http only on this machine, for previews), a host name
// or address, and only the characters RFC 3986 allows unencoded, so no quote, bracket,
// space or backslash can end it early wherever it is written.
const HOST = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*';
const LOCAL_HOST = '(?:localhost|127\\.0\\.0\\.1|\\[::1\\])';
export const PLAIN_URL = new RegExp(`^(?:https://${HOST}|http://${LOCAL_HOST})(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*)?$`);
export const PLAIN_URL_MESSAGE = 'must be a plain absolute https: URL (http: only for localhost)';
export const PLAIN_URL_HINT = 'write it as https://host/path, with spaces, quotes, <, > and other such characters percent-encoded';

export const httpStatus = z.number().int().describe('An HTTP status code (4xx or 5xx).');

/** Languages an example can be written in (highlighting names Expressive Code knows). */
export const EXAMPLE_LANGS = ['json', 'http', 'sh', 'ts', 'js', 'python', 'go', 'ruby', 'java', 'kotlin', 'csharp', 'php', 'rust', 'swift', 'text'] as const;

export const exampleSchema = z
  .strictObject({
    title: oneLine.optional().describe('A short caption shown above the example.'),
    lang: z
      .enum(EXAMPLE_LANGS)
      .describe(
        'Language for highlighting. `json` bodies and `http` responses are checked against the envelope; `ts` and `js` samples must parse.',
      ),
    code: z.string().min(1).describe('The example text, exactly as shown.'),
    shape: z
      .string()
      .optional()
      .describe('Id of an alternative response shape (see `shapes`) that this body follows instead of the envelope.'),
  })
  .describe('A highlighted example.');

const tableSchema = z
  .strictObject({
    title: oneLine.optional(),
    columns: z.array(oneLine).min(1),
    rows: z.array(z.array(markdown)).min(1).describe('Each row has one Markdown cell per column.'),
  })
  .describe('A small table of facts.');

const fieldSchema = z.strictObject({
  name: oneLine.describe('Dotted path of the field in the JSON body, e.g. `error.code` (or `errors[].code` for each item of an array).'),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array']),
  required: z.boolean().default(true).describe('Whether every body carries this field.'),
  notes: markdown,
});

const shapeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: oneLine,
    description: markdown.optional(),
    code_field: oneLine.optional().describe('Dotted path of the field carrying the error code, if the shape has one; `name[]` steps into each item of an array, e.g. `errors[].code`.'),
    docs_url_field: oneLine.optional().describe('Dotted path of the field carrying the docs URL, if any.'),
    status_field: oneLine.optional().describe('Dotted path of a field repeating the HTTP status, if any.'),
    media_type: z
      .enum(['application/json', 'application/problem+json'])
      .optional()
      .describe(
        'Media type of bodies of this shape (default application/json). `application/problem+json` makes it an RFC 9457 problem: `type`, `title` and `status` of every example are checked against its code.',
      ),
    type_uri: z
      .string()
      // RFC 9457: any URI names a problem type (`tag:` and `urn:` ones are not meant to be dereferenced), and `about:blank` says the status is all there is.
      .regex(/^(?:(?:https?:\/\/|tag:|urn:)\S*\{code\}\S*|about:blank)$/, 'must be an http(s), tag: or urn: URI containing {code}, or about:blank')
      .optional()
      .describe('Problem details only: the `type` URI of each code, with `{code}` in it (http(s), `tag:` or `urn:`), or `about:blank` for all. Default: the code\'s docs_url.'),
    fields: z.array(fieldSchema).min(1),
    example: exampleSchema.optional(),
    notes: markdown.optional(),
  })
  .describe('A JSON error body shape.');

const sectionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/).describe('Stable anchor of the section heading.'),
    title: oneLine,
    place: z
      .enum(['before-codes', 'after-codes'])
      .describe('Where the section appears: before the retry guidance, or after the codes.'),
    body: markdown.optional(),
    examples: z.array(exampleSchema).optional(),
    table: tableSchema.optional(),
    after: markdown.optional().describe('Markdown shown after the examples and table.'),
  })
  .describe('A page-level section of prose, examples and a table.');

export const catalogSchema = z
  .strictObject({
    api: oneLine.describe('Name of the API, e.g. "Amy".'),
    version: z
      .string()
      .regex(VERSION, 'one word, e.g. v1.3')
      .optional()
      .describe('The API version this catalog describes; `catalog:ship` records it as the version new codes ship in.'),
    title: oneLine.describe('Title of the errors page.'),
    description: oneLine.describe('One-line description used in search results and metadata.'),
    docs_url: z
      .string()
      .regex(PLAIN_URL, PLAIN_URL_MESSAGE)
      .describe('URL of the errors page, a plain absolute https: URL (http: only for localhost); every code\'s docs_url is this plus `#<code>`.'),
    code_pattern: z.string().describe('Regular expression every code must match, e.g. `^[a-z][a-z0-9_]*$`.'),
    intro: markdown,
    envelope: shapeSchema.describe('The JSON body every error response has.'),
    shapes: z.array(shapeSchema).optional().describe('Other bodies some codes use instead of the envelope.'),
    categories: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
          title: oneLine,
          description: markdown.optional(),
        }),
      )
      .min(1),
    statuses: z
      .record(z.string().regex(/^[1-5]\d\d$/, 'must be a three-digit HTTP status'), oneLine)
      .describe('What each HTTP status means in this API; the status summary table is derived from it and the codes.'),
    retry_guidance: z
      .strictObject({
        title: oneLine.default('Retry guidance'),
        intro: markdown.optional(),
        rows: z
          .array(
            z.strictObject({
              label: oneLine,
              statuses: z.array(httpStatus).min(1),
              retry: oneLine,
              strategy: markdown,
            }),
          )
          .min(1),
        after: markdown.optional(),
      })
      .optional(),
    sections: z.array(sectionSchema).optional(),
    languages: z
      .array(z.strictObject({ lang: z.enum(EXAMPLE_LANGS), label: oneLine.min(1) }))
      .min(1)
      .optional()
      .describe(
        'Languages of examples shown side by side as tabs (e.g. HTTP, TypeScript SDK, Python SDK), in tab order; the reader\'s choice is remembered across the page.',
      ),
    openapi: z
      .string()
      .min(1)
      .optional()
      .describe('Path of the API\'s OpenAPI document (YAML or JSON), relative to this file; the check compares its error responses with the catalog.'),
    sources: z
      .array(
        z.strictObject({
          include: z.array(z.string().min(1)).min(1).describe('Globs of server source files, relative to this file.'),
          exclude: z.array(z.string().min(1)).optional().describe('Globs to leave out.'),
          pattern: z
            .string()
            .min(1)
            .describe('Regular expression with one capture group for the code, e.g. `new ApiError\\(\\s*["\'`]([\\w.:-]+)` (dotted, numeric and upper-case codes alike), and optionally a group named `status` for the HTTP status the call carries. It must run in linear time: no backreferences or lookarounds.'),
        }),
      )
      .min(1)
      .optional()
      .describe('The API\'s own source code: the codes it emits are compared with the catalog.'),
    rules: z
      .record(z.string(), z.enum(['off', 'info', 'warning', 'error']))
      .optional()
      .describe('Severity of warning- and info-level check rules for this catalog, e.g. `{ schema-comment: off }` or `{ source-dynamic-code: warning }` (see `errcat explain <rule>`). An info is reported but never fails the check.'),
    where_next: z
      .array(z.strictObject({ title: oneLine, href: z.string(), description: oneLine.optional() }))
      .optional(),
  })
  .describe('Page-level content of an error catalog.');

export const retryWhen = z
  .enum(['always', 'never', 'idempotent-only', 'conditional'])
  .describe('Whether retrying can succeed: always, never, only for idempotent calls (or with the same idempotency key), or depending on a condition the advice explains.');

export const retrySchema = z
  .strictObject({
    when: retryWhen,
    strategy: z
      .enum(['exponential-backoff', 'linear-backoff'])
      .optional()
      .describe('How to space the attempts.'),
    jitter: z.boolean().optional().describe('Add random jitter to the delays.'),
    max_attempts: z.number().int().min(1).max(100).optional().describe('Give up after this many attempts in all.'),
    honour_retry_after: z.boolean().optional().describe('Wait at least as long as the `Retry-After` response header says.'),
    advice: markdown.optional().describe('What else to know; the fields above are shown too, so do not repeat them.'),
  })
  .describe('Whether retrying can succeed, and how: one structured record per code, published in errors.json.');

export const codeSchema = z
  .strictObject({
    code: z.string().min(1).describe('The stable error code. Never changes once shipped.'),
    anchor: z.string().optional().describe('Heading id; if given it must equal the code.'),
    status: z.union([httpStatus, z.array(httpStatus).min(1)]).describe('HTTP status, or statuses.'),
    category: z.string().describe('Id of a category declared in catalog.yaml.'),
    summary: oneLine.min(1).describe('One line: what the error means.'),
    title: oneLine
      .min(1)
      .optional()
      .describe('Problem details (RFC 9457) `title`: a short summary that never changes between occurrences. Required when the envelope is application/problem+json.'),
    titles: z
      .record(z.string().regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag, e.g. de or pt-BR'), oneLine.min(1))
      .optional()
      .describe('The `title` in other languages, by language tag (e.g. `de: Bestellung nicht gefunden`), for an API that answers in the client\'s language: RFC 9457 lets the title vary by language, so examples may show any of them.'),
    message: oneLine.optional().describe('A typical `message` text.'),
    when: markdown.describe('When it fires.'),
    recovery: markdown.describe('How to recover.'),
    retry: retrySchema,
    examples: z.array(exampleSchema).optional(),
    headers: z
      .array(
        z.strictObject({
          name: z.string(),
          description: markdown,
          example: z.string().optional(),
        }),
      )
      .optional()
      .describe('Response headers that come with this error.'),
    extensions: z
      .array(
        z.strictObject({
          name: oneLine.describe('Dotted path of the extra field in the body.'),
          type: z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array']),
          description: markdown,
          values: z
            .array(z.strictObject({ value: z.string(), meaning: markdown }))
            .optional()
            .describe('The values the field takes, each with its meaning.'),
        }),
      )
      .optional()
      .describe('Fields this error adds to the envelope.'),
    tables: z.array(tableSchema).optional(),
    related: z
      .array(z.strictObject({ code: z.string(), note: markdown }))
      .optional()
      .describe('Codes that are easily confused with this one.'),
    sdk_class: oneLine.optional().describe('The SDK error class thrown for this code.'),
    notes: markdown.optional(),
    lifecycle: z
      .strictObject({
        state: z.enum(['deprecated', 'retired']).describe('Deprecated: still returned, do not rely on it. Retired: no longer returned.'),
        since: oneLine.describe('Date (YYYY-MM-DD) or API version from which the state applies.'),
        replacement: z.string().optional().describe('The code to use or expect instead.'),
        note: markdown.optional(),
      })
      .optional()
      .describe('Set when a shipped code is deprecated or retired. Codes are never deleted.'),
  })
  .describe('One error code.');

export type CatalogFile = z.output<typeof catalogSchema>;
export type CodeFile = z.output<typeof codeSchema>;
export type Example = z.output<typeof exampleSchema>;
export type Retry = z.output<typeof retrySchema>;
export type Shape = z.output<typeof shapeSchema>;
export type Table = z.output<typeof tableSchema>;
export type Section = z.output<typeof sectionSchema>;

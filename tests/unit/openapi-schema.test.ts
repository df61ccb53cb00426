// The CLI bundle's OpenAPI worker validates a document with the OpenAPI schema validators
// compiled at build time (scripts/openapi-schema-validator.ts, src/bridges/openapi-schema.ts)
// instead of swagger-parser's, which compiles them on each call. They must say exactly what
// swagger-parser's says: checked here on the fixtures' documents (as OpenAPI 3.1, 3.0 and
// Swagger 2.0) and on random damaged copies, with the very module scripts/build-cli.ts
// puts in the bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { JSON_SCHEMA, load } from 'js-yaml';
import { generateOpenapi } from '../../bench/openapi-doc.ts';
import { openapiSchemaValidators } from '../../scripts/openapi-schema-validator.ts';
import { validateSchema } from '../../src/bridges/openapi-schema.ts';
import * as inSources from '../../src/bridges/openapi-schema-precompiled.ts';
import { mutate } from './helpers.ts';

// The module as the bundle gets it; its imports of ajv's runtime resolved from here (the temporary directory has no node_modules).
const dir = mkdtempSync(join(tmpdir(), 'errcat-openapi-schema-'));
writeFileSync(join(dir, 'validators.mjs'), openapiSchemaValidators().replace(/from "(ajv\/dist\/runtime\/[\w-]+\.js)"/g, (_, id: string) => `from ${JSON.stringify(import.meta.resolve(id))}`));
const compiled = (await import(pathToFileURL(join(dir, 'validators.mjs')).href)) as typeof inSources;

/** What a validator says of `api`: nothing, or the error's message and details (all the worker reads of it). */
async function verdict(api: unknown, validators: Partial<typeof inSources>): Promise<unknown> {
  try {
    await validateSchema(api, validators);
    return 'valid';
  } catch (err) {
    return { name: (err as Error).name, message: (err as Error).message, details: (err as { details?: unknown }).details };
  }
}

/** Both say the same of `api`; true when it conforms. */
async function agree(api: unknown): Promise<boolean> {
  const ahead = await verdict(api, compiled);
  assert.deepStrictEqual(ahead, await verdict(api, {}), JSON.stringify(api).slice(0, 500));
  return ahead === 'valid';
}

const FIXTURES = ['api', 'api-drift', 'payments', 'openapi-seed'].map((f) => load(readFileSync(`tests/fixtures/${f}/openapi.yaml`, 'utf8'), { schema: JSON_SCHEMA }) as Record<string, unknown>);
const as30 = (d: Record<string, unknown>) => ({ ...d, openapi: '3.0.3' });
const as20 = ({ openapi: _, components: __, ...d }: Record<string, unknown>) => ({ swagger: '2.0', ...d });
const DOCUMENTS = [...FIXTURES, ...FIXTURES.map(as30), ...FIXTURES.map(as20), JSON.parse(generateOpenapi(20)) as Record<string, unknown>];

test('in the sources there are no compiled validators: swagger-parser validates', () => {
  assert.deepEqual([inSources.v2, inSources.v3, inSources.v31], [undefined, undefined, undefined]);
  assert.deepEqual(Object.keys(compiled).sort(), ['v2', 'v3', 'v31']);
});

test('the fixtures\' documents, as OpenAPI 3.1, 3.0 and Swagger 2.0: the same verdict and errors', async () => {
  let valid = 0;
  for (const d of DOCUMENTS) if (await agree(d)) valid++;
  // Both outcomes were compared: the fixtures conform, most of them do not as another version.
  assert.ok(valid > 0 && valid < DOCUMENTS.length, `${valid} of ${DOCUMENTS.length} valid`);
});

test('values that are no document at all: the same verdict', async () => {
  for (const api of [null, 5, 'openapi', [], {}, { openapi: 3.1 }, { openapi: '4.0' }, { swagger: 2 }, { swagger: '', openapi: '3.0.0' }]) await agree(api);
});

const KEYS = ['openapi', 'swagger', 'info', 'title', 'version', 'paths', 'components', 'responses', 'schemas', 'schema', '$ref', 'type', 'required', 'in',
  'name', 'description', 'content', 'get', 'post', '200', '404', 'default', 'parameters', 'servers', 'url', 'enum', 'items', 'allOf', 'nullable',
  'webhooks', 'jsonSchemaDialect', 'x-extra', 'example', 'examples', 'headers', '__proto__'];
const hostile = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, 404, '', 'x', '3.0.3', '3.1.0', '2.0', 'query', 'header', 'string', 'object', '#/components/schemas/X', [], {}, [1, 1], { $ref: 5 }),
  fc.jsonValue({ maxDepth: 2 }),
);

test('random damaged documents: the same verdict and errors', async () => {
  let valid = 0;
  let runs = 0;
  await fc.assert(fc.asyncProperty(fc.nat(DOCUMENTS.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...KEYS), hostile), { minLength: 1, maxLength: 3 }),
    async (i, changes) => {
      runs++;
      if (await agree(changes.reduce<unknown>((d, c) => mutate(d, c), DOCUMENTS[i]))) valid++;
    }), { numRuns: Number(process.env.OPENAPI_SCHEMA_RUNS ?? 120) });
  assert.ok(valid > 0 && valid < runs, `${valid} of ${runs} valid`);
});

test('the bundled CLI reports a damaged document as the sources do: OpenAPI 3.1 in two files, 3.0 in one', () => {
  const run = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });
  const built = run(['scripts/build-cli.ts']);
  assert.equal(built.status, 0, built.stderr);
  const api = mkdtempSync(join(tmpdir(), 'errcat-openapi-schema-'));
  cpSync('tests/fixtures/api', api, { recursive: true });
  const yaml = readFileSync(join(api, 'openapi.yaml'), 'utf8');
  writeFileSync(join(api, 'openapi.yaml'), yaml.replace('title: Orders API', 'title: 5\n  termsOfService: [1]'));
  const generated = JSON.parse(generateOpenapi(20)) as { info: Record<string, unknown>; paths: Record<string, Record<string, unknown>> };
  generated.info.termsOfService = 5;
  Object.values(generated.paths)[0]!.get = { responses: 'none' };
  writeFileSync(join(api, 'generated.json'), JSON.stringify(generated, null, 1));
  for (const args of [['check', join(api, 'catalog')], ['check', join(api, 'catalog'), '--openapi', join(api, 'generated.json')]]) {
    const bundled = run(['build/cli/errcat.mjs', ...args]);
    const sources = run(['src/cli/main.ts', ...args]);
    assert.equal(bundled.stderr, '');
    assert.equal(bundled.stdout, sources.stdout, args.join(' '));
    assert.equal(bundled.status, sources.status);
    assert.match(bundled.stdout, /openapi-valid .*must be/);
  }
});

// A JSON document of 4 MB or more is validated in a thread of its own
// (openapi-validate-worker.ts), which also tells whether it is in one piece, while the
// OpenAPI worker walks it. The findings must be the ones of the validation in the worker
// itself, which a smaller document gets: the same document, grown past the size by
// whitespace after its value (which moves nothing), must give the same output, schema
// problems placed at the same nodes included, in one file and in two.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { mutateFixture } from './helpers.ts';

type Json = Record<string, any>;

/** Run with the validation apart wherever it may run: on a busy machine (a test run) it would not start otherwise. */
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ERRCAT_OPENAPI_APART: '1' } });
  assert.equal(r.signal, null, `killed (${r.signal}): ${args.join(' ')} did not finish`);
  return r;
};

/** The fixture API's document as JSON, drifted and invalid in places; in one file unless `split` (its shared response then stays in responses.yaml). */
function document(dir: string, split = false): Json {
  const doc = load(readFileSync(join(dir, 'openapi.yaml'), 'utf8')) as Json;
  if (!split) {
    const shared = load(readFileSync(join(dir, 'responses.yaml'), 'utf8').replaceAll('./openapi.yaml#', '#')) as Json;
    doc.components.responses.RateLimited = shared.RateLimited;
    doc.paths['/orders/{id}'].get.responses['429'] = { $ref: '#/components/responses/RateLimited' };
    doc.paths['/orders'].post.responses['429'] = { $ref: '#/components/responses/RateLimited' };
  }
  // Schema problems (a response without its description, an unknown member) and drift (a code the catalog lacks).
  delete doc.paths['/orders'].post.responses['201'].description;
  doc.paths['/orders'].post.responses['409'].surprise = true;
  doc.paths['/orders'].post.responses['409'].content['application/problem+json'].example.code = 'out_of_stok';
  return doc;
}

/** The check of the drifted document as `openapi.json`, grown by `padding` spaces after its value, in a copy of the fixture API; its output with the copy's place taken out. */
function checked(split: boolean, padding: number): { stdout: string; status: number | null; stderr: string } {
  const dir = mutateFixture('tests/fixtures/api', []);
  // The shared response in its own file, drifted there too.
  if (split) writeFileSync(join(dir, 'responses.yaml'), readFileSync(join(dir, 'responses.yaml'), 'utf8').replaceAll('./openapi.yaml#', './openapi.json#').replace('code: rate_limited', 'code: rate_limitd'));
  writeFileSync(join(dir, 'openapi.json'), `${JSON.stringify(document(dir, split), null, 2)}${' '.repeat(padding)}\n`);
  const r = run(['src/cli/main.ts', 'check', join(dir, 'catalog'), '--openapi', join(dir, 'openapi.json')]);
  return { stdout: r.stdout.replaceAll(dir, '<dir>'), status: r.status, stderr: r.stderr };
}

test('a document validated in a thread of its own gives the findings of one validated in the worker', () => {
  // In one file (validated there as it is) and in two (told there, then bundled and walked in the worker).
  for (const split of [false, true]) {
    const small = checked(split, 0);
    const large = checked(split, 4_100_000);
    // Both kinds of finding are there: the schema's, at the response, and the comparison's.
    assert.match(small.stdout, /openapi\.json:\d+:\d+ +warning +openapi-valid +OpenAPI document: \/paths\/~1orders\/post\/responses\/201 must have required property 'description'/);
    assert.match(small.stdout, /openapi-unknown-code .*"out_of_stok"/);
    if (split) assert.match(small.stdout, /responses\.yaml:\d+:\d+ +error +openapi-unknown-code .*"rate_limitd"/, 'the shared response is walked in its file');
    assert.equal(large.stdout, small.stdout, `split: ${split}`);
    assert.equal(large.status, small.status);
    assert.equal(large.stderr, '');
  }
});

test('the bundled CLI validates a large document apart with its own worker bundle, as the sources do', () => {
  const built = run(['scripts/build-cli.ts']);
  assert.equal(built.status, 0, built.stderr);
  // The worker bundle starts the validating one by its place beside it (a failed start would only be slower: the worker validates).
  assert.match(readFileSync('build/cli/openapi-worker.mjs', 'utf8'), /new URL\("\.\/openapi-validate-worker\.mjs",import\.meta\.url\)/);
  assert.match(readFileSync('build/cli/openapi-validate-worker.mjs', 'utf8'), /postMessage/);
  const dir = mutateFixture('tests/fixtures/api', []);
  writeFileSync(join(dir, 'large.json'), `${JSON.stringify(document(dir), null, 2)}${' '.repeat(4_100_000)}\n`);
  const args = ['check', join(dir, 'catalog'), '--openapi', join(dir, 'large.json')];
  const bundled = run(['build/cli/errcat.mjs', ...args]);
  const sources = run(['src/cli/main.ts', ...args]);
  assert.equal(bundled.stderr, '');
  assert.match(bundled.stdout, /openapi-valid +OpenAPI document: \/paths\/~1orders\/post\/responses\/201 must have required property 'description'/);
  assert.equal(bundled.stdout, sources.stdout);
  assert.equal(bundled.status, sources.status);
});

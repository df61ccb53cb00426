// Generates a catalog of N codes with realistic text (multi-line recovery, two examples
// each) for the benchmarks. Written under .tmp/, never committed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = [
  ['auth', 'Auth', 401], ['validation', 'Validation', 400], ['not_found', 'Not found', 404],
  ['conflict', 'Conflict', 409], ['rate_limiting', 'Rate limiting', 429], ['server', 'Server', 500],
] as const;

/**
 * `longCode`: the first code gets a 60-character name (narrow-screen tests).
 * `shipped`: a lock with history: every code shipped in v1.0 except the last three, in v1.1.
 */
export function generateCatalog(dir: string, count: number, { longCode = false, shipped = false } = {}): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'codes'), { recursive: true });
  const docs = 'https://docs.bench.test/concepts/errors';
  writeFileSync(join(dir, 'catalog.yaml'), `# yaml-language-server: $schema=../../../schema/catalog.schema.json
api: Bench
title: Errors
description: A generated catalog of ${count} codes.
docs_url: ${docs}
code_pattern: '^[a-z][a-z0-9_]*$'
intro: |
  Every error this API returns follows the same shape, has a stable code, and links here.
envelope:
  id: response-shape
  title: The response shape
  code_field: error.code
  docs_url_field: error.docs_url
  fields:
    - { name: error.code, type: string, notes: Stable identifier. Key off this in code. }
    - { name: error.message, type: string, notes: Human-readable. Subject to copy-edits. }
    - { name: error.request_id, type: string, notes: The per-request ID. }
    - { name: error.docs_url, type: string, notes: Deep link to the heading of the code. }
categories:
${CATEGORIES.map(([id, title]) => `  - { id: ${id}, title: ${title} }`).join('\n')}
statuses:
${CATEGORIES.map(([, , s]) => `  "${s}": Generated status meaning for ${s}.`).join('\n')}
`);
  const lock: string[] = [];
  for (let i = 0; i < count; i++) {
    const [category, , status] = CATEGORIES[i % CATEGORIES.length]!;
    const base = `${category}_generated_error_${i}`;
    const code = longCode && i === 0 ? `${base}_with_a_long_name_for_narrow_screens`.padEnd(60, '_x').slice(0, 60) : base;
    writeFileSync(join(dir, 'codes', `${code}.yaml`), `# yaml-language-server: $schema=../../../../schema/code.schema.json
code: ${code}
status: ${status}
category: ${category}
summary: Generated error number ${i} in the ${category} category.
message: The request could not be completed because of condition ${i}.
when: |
  The request reached the resource behind condition ${i}, but a rule of the
  ${category} category rejected it. This happens most often right after a deploy
  or when a client reuses a stale identifier.
recovery: |
  - Check the identifier you passed; identifiers are typed, so a wrong prefix means a wrong value.
  - Confirm the API key belongs to the user who owns the resource.
  - If it persists, file a bug with the \`request_id\` from the response.
retry:
  when: ${status >= 429 ? 'always' : 'never'}
  strategy: exponential-backoff
  jitter: true
  max_attempts: 5
  advice: Retry only after the condition above has changed.
examples:
  - lang: http
    code: |
      HTTP/1.1 ${status} Generated
      Content-Type: application/json

      {
        "error": {
          "code": "${code}",
          "message": "The request could not be completed because of condition ${i}.",
          "request_id": "req_01HX2K3M4N5P6Q7R8S9T0V1W2X",
          "docs_url": "${docs}#${code}"
        }
      }
  - lang: ts
    code: |
      try {
        await client.things.retrieve("thing_${i}");
      } catch (err) {
        if (err.code === "${code}") console.error(err.docsUrl);
      }
`);
    lock.push(`${code}: { status: [${status}], category: ${category}, version: ${i < count - 3 ? 'v1.0, date: 2026-01-15' : 'v1.1, date: 2026-06-01'} }`);
  }
  if (shipped) writeFileSync(join(dir, 'shipped.yaml'), `${lock.sort().join('\n')}\n`);
  return dir;
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 1000);
  console.log(generateCatalog(process.argv[3] ?? `.tmp/bench/catalog-${count}`, count));
}

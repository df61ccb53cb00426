// `errcat check --openapi` on large real documents beside swagger-parser's own parse of the
// same document (SwaggerParser.parse: read and JSON.parse, no $ref resolved, nothing
// validated); that parse plus the OpenAPI schema's validation (the least a check of the
// document does: the check validates with the same code); and validate() for scale. Each a fresh process, run in turns so a busy
// machine weighs on all alike; median wall time and median peak resident memory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMA, load } from 'js-yaml';
import { basename, join, resolve } from 'node:path';
import { generateOpenapi } from './openapi-doc.ts';

export interface OpenapiFigures {
  label: string;
  mb: number;
  operations: number;
  checkMs: number;
  checkMiB: number;
  parseMs: number;
  parseMiB: number;
  schemaMs: number;
  schemaMiB: number;
  validateMs?: number;
  validateMiB?: number;
  /** What the check printed last (its summary line), to show it read the document. */
  summary: string;
}

const PEER = `
import SwaggerParser from '@apidevtools/swagger-parser';
import validateSchema from '@apidevtools/swagger-parser/lib/validators/schema.js';
const [how, path] = process.argv.slice(2);
if (how === 'validate') await SwaggerParser.validate(path);
else {
  const api = await SwaggerParser.parse(path);
  if (how === 'schema') validateSchema(api);
}
`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time and peak RSS of one fresh process. */
function run(args: string[], ok: number[]): { ms: number; mib: number; out: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', resolve('bench/peak-rss.ts'), ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - start;
  if (!ok.includes(r.status ?? -1)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const peak = /peakRSS=(\d+)/.exec(r.stderr);
  return { ms, mib: Number(peak?.[1] ?? 0) / 2 ** 20, out: r.stdout };
}

/** The generated document of `operations` operations, written once. */
export function generatedDocument(operations: number): string {
  const path = resolve(`.tmp/bench/openapi-doc-${operations}.json`);
  if (!existsSync(path)) {
    mkdirSync(resolve('.tmp/bench'), { recursive: true });
    writeFileSync(path, generateOpenapi(operations));
  }
  return path;
}

function operationsOf(path: string): number {
  // JSON is YAML: one parser for either kind of document.
  const doc = load(readFileSync(path, 'utf8'), { schema: JSON_SCHEMA }) as { paths?: Record<string, Record<string, unknown>> };
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  return Object.values(doc.paths ?? {}).reduce((n, item) => n + Object.keys(item).filter((m) => methods.has(m)).length, 0);
}

/** The check of `document` (copied beside a new catalog, as a repository holds both) against its peers. */
export function benchOpenapi(label: string, document: string, runs: number, withValidate: boolean): OpenapiFigures {
  const dir = resolve(`.tmp/bench/openapi-${label.replace(/\W+/g, '-')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const doc = join(dir, basename(document));
  copyFileSync(document, doc);
  const init = spawnSync(process.execPath, [resolve('bin/errcat.js'), 'init', join(dir, 'catalog')], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`errcat init: ${init.stderr}`);
  const peer = join(dir, 'peer.mjs');
  writeFileSync(peer, PEER);
  const mb = statSync(doc).size / 1e6;
  const maxMb = String(Math.max(10, Math.ceil(mb + 1)));
  const check = () => run([resolve('bin/errcat.js'), 'check', join(dir, 'catalog'), '--openapi', doc, '--openapi-max-mb', maxMb], [0, 1]);
  // The peer script lives in the bench directory and imports swagger-parser from this checkout.
  const parse = () => run([peer, 'parse', doc], [0]);
  const schema = () => run([peer, 'schema', doc], [0, 1]);
  const validate = () => run([peer, 'validate', doc], [0, 1]);
  const c: { ms: number; mib: number; out: string }[] = [];
  const p: typeof c = [];
  const s: typeof c = [];
  const v: typeof c = [];
  check();
  parse();
  for (let i = 0; i < runs; i++) {
    c.push(check());
    p.push(parse());
    s.push(schema());
    if (withValidate) v.push(validate());
  }
  const summary = c.at(-1)!.out.trim().split('\n').at(-1) ?? '';
  return {
    label, mb, operations: operationsOf(doc), summary,
    checkMs: median(c.map((x) => x.ms)), checkMiB: median(c.map((x) => x.mib)),
    parseMs: median(p.map((x) => x.ms)), parseMiB: median(p.map((x) => x.mib)),
    schemaMs: median(s.map((x) => x.ms)), schemaMiB: median(s.map((x) => x.mib)),
    ...(withValidate ? { validateMs: median(v.map((x) => x.ms)), validateMiB: median(v.map((x) => x.mib)) } : {}),
  };
}

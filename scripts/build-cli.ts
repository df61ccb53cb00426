// npm run build:cli (also run by `npm install`, as `prepare`): bundle the errcat CLI into
// one JavaScript file, build/cli/errcat.mjs. A cold start then loads one file instead of
// about a hundred TypeScript modules, each type-stripped on load (most of the time of a
// cold check). bin/errcat.js uses the bundle only while it is newer than every source it
// was built from: build/cli/errcat.inputs.json lists them.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { codeShapeValidator } from './code-shape-validator.ts';
import { openapiSchemaValidators } from './openapi-schema-validator.ts';

/** The bundle sits two levels deep, like src/load/, so paths relative to a module still hold. */
export const BUNDLE = 'build/cli/errcat.mjs';
/** The files the bundle was built from (sources and the lock file), for bin/errcat.js to compare with. */
export const INPUTS = 'build/cli/errcat.inputs.json';

// Builtins loaded only when one of their functions is called: a module that imports them
// (the cache's git lookup takes spawnSync) would otherwise load them, and child_process
// the streams and sockets under it, on every start.
const ON_CALL = new Set(['node:child_process', 'node:worker_threads']);

const result = await build({
  write: false,
  metafile: true,
  // replay.mjs: what bin/errcat.js runs first for `check --cache` (a few kilobytes);
  // openapi-worker.mjs and openapi-review-worker.mjs: the threads that read an OpenAPI
  // document (src/bridges/openapi.ts) and its version at the review's base (openapi-review.ts);
  // openapi-validate-worker.mjs: the one that validates a large document beside the first;
  // sample-syntax-worker.mjs: the thread that parses a large catalog's samples (src/bridges/sample-syntax-early.ts).
  entryPoints: {
    errcat: 'src/cli/main.ts',
    replay: 'src/cli/replay.ts',
    'openapi-worker': 'src/bridges/openapi-worker.ts',
    'openapi-review-worker': 'src/bridges/openapi-review-worker.ts',
    'openapi-validate-worker': 'src/bridges/openapi-validate-worker.ts',
    'sample-syntax-worker': 'src/bridges/sample-syntax-worker.ts',
  },
  outdir: dirname(BUNDLE),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: !process.env.ERRCAT_BUNDLE_READABLE,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies require() Node's modules; an ES module bundle needs a require for them.
  banner: { js: "import { createRequire as __errcatRequire } from 'node:module'; const require = __errcatRequire(import.meta.url);" },
  plugins: [
    {
      // Node's own modules, taken with process.getBuiltinModule() and only the exports that
      // are plain values. An import (or require) of node:fs or node:util makes Node read
      // every export, lazy ones included, which loads streams, readline, worker_threads and
      // some forty more modules: about 10 ms of every cold start for nothing.
      name: 'builtins-without-facade',
      setup(b) {
        b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'builtin' }));
        b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: builtinModule(args.path), loader: 'js' }));
      },
    },
    {
      // `yaml` (the parser that keeps positions) serves diagnostics and broken files: the
      // check of a clean catalog never calls it, so its module (some 15 ms of every start)
      // is evaluated on first use.
      name: 'yaml-on-use',
      setup(b) {
        b.onResolve({ filter: /^yaml$/ }, (args) => (/[\\/]src[\\/]/.test(args.importer) ? { path: 'yaml', namespace: 'yaml-on-use' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'yaml-on-use' }, () => ({ contents: onFirstUse('yaml'), resolveDir: process.cwd(), loader: 'js' }));
      },
    },
    {
      // zod carries the messages of some fifty languages; the check speaks English only.
      name: 'zod-english-only',
      setup(b) {
        b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) =>
          /[\\/]zod[\\/]/.test(args.importer) ? { path: args.path, namespace: 'zod-locales', pluginData: args.resolveDir } : undefined);
        b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
          contents: "export { default as en } from './en.js';",
          resolveDir: join(args.pluginData as string, '..', 'locales'),
        }));
      },
    },
    {
      // A code file's shape tested by ajv's standalone code (generated here, from the JSON
      // Schema `npm run schema` writes) before zod: see src/check/code-shape.ts.
      name: 'code-shape-validator',
      setup(b) {
        b.onLoad({ filter: /src[\\/]check[\\/]code-shape-validator\.ts$/ }, () => ({ contents: codeShapeValidator(), loader: 'js' }));
      },
    },
    {
      // The OpenAPI schema validators compiled here, not in each run: see src/bridges/openapi-schema.ts.
      name: 'openapi-schema-validators',
      setup(b) {
        b.onLoad({ filter: /src[\\/]bridges[\\/]openapi-schema-precompiled\.ts$/ }, () => ({ contents: openapiSchemaValidators(), resolveDir: process.cwd(), loader: 'js' }));
      },
    },
    {
      // The workers (OpenAPI: check, review, init --from-openapi; a large catalog's samples) are bundled too (an installed package has no sources to run).
      name: 'openapi-worker-path',
      setup(b) {
        b.onLoad({ filter: /src[\\/](bridges[\\/](openapi(-review|-worker)?|sample-syntax-early)|cli[\\/]init-from-openapi)\.ts$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          const text = await readFile(args.path, 'utf8');
          return { contents: text.replace(/ownModuleUrl\('(?:\.\.\/bridges\/|\.\/)((?:openapi[\w-]*|sample-syntax)-worker)\.ts', import\.meta\.url\)/g, "new URL('./$1.mjs', import.meta.url)"), loader: 'ts' };
        });
      },
    },
  ],
});

/**
 * A module standing for package \`name\`, which it requires when one of its exports is first
 * used: each export is a stand-in that calls, constructs and reads properties (statics like
 * Scalar.BLOCK_LITERAL) of the real one.
 */
function onFirstUse(name: string): string {
  const names = Object.keys(createRequire(import.meta.url)(name) as object).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
  return [
    `let m; const load = () => (m ??= require(${JSON.stringify(name)}));`,
    'const standIn = (k) => new Proxy(function () {}, { get: (_, p) => load()[k][p], apply: (_, self, a) => load()[k].apply(self, a), construct: (_, a) => Reflect.construct(load()[k], a) });',
    ...names.map((k) => `export const ${k} = standIn(${JSON.stringify(k)});`),
  ].join('\n');
}

/** A module re-exporting a builtin's plain values (a lazy export is left out, so importing one fails the build). */
function builtinModule(id: string): string {
  const mod = process.getBuiltinModule(id) as Record<string, unknown>;
  const names = Object.keys(mod).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default' && 'value' in Object.getOwnPropertyDescriptor(mod, k)!);
  if (ON_CALL.has(id) && names.every((k) => typeof mod[k] === 'function')) {
    return [
      `let m; const load = () => (m ??= process.getBuiltinModule(${JSON.stringify(id)}));`,
      'export default new Proxy({}, { get: (_, k) => load()[k] });',
      // A constructor too (new ChildProcess()): called with `new`, it constructs.
      ...names.map((k) => `export function ${k}(...a) { return new.target ? Reflect.construct(load().${k}, a, new.target) : load().${k}.apply(this, a); }`),
    ].join('\n');
  }
  return [
    `const m = process.getBuiltinModule(${JSON.stringify(id)});`,
    'export default m;',
    ...names.map((k) => `export const ${k} = m.${k};`),
  ].join('\n');
}

// Written whole, then renamed: a CLI starting meanwhile reads the old bundle or the new one.
mkdirSync(dirname(BUNDLE), { recursive: true });
// ASCII only: esbuild escapes non-ASCII characters in strings but not in regular
// expressions (markdown-it has a `…` in one), and a single one makes Node decode the whole
// bundle as UTF-8 into a two-byte string on every start. \uXXXX means the same there.
for (const f of result.outputFiles) {
  const text = f.text;
  if (/[^\x00-\x7f]/.test(text)) f.contents = Buffer.from(text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// Only files of this package: a dependency changes only with the lock file, listed too.
const inputs = [...Object.keys(result.metafile.inputs).filter((p) => p.startsWith('src/')), 'package-lock.json'];
// The bundles' identity, by content: `check --cache` keeps a run only for the code that made it.
const id = createHash('sha256').update(result.outputFiles.map((f) => f.hash).join('\n')).digest('hex').slice(0, 32);
// errcat.mjs last: bin/errcat.js trusts the others once it is newer than every input.
const outputs = [
  { path: join(process.cwd(), INPUTS), contents: `${JSON.stringify({ id, inputs })}\n` },
  ...result.outputFiles.map((f) => ({ path: f.path, contents: f.contents })).sort((a, b) => Number(a.path.endsWith(BUNDLE)) - Number(b.path.endsWith(BUNDLE))),
];
for (const file of outputs) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}

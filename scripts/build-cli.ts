// npm run build:cli (also run by `npm install`, as `prepare`): bundle the errcat CLI into
// one JavaScript file, build/cli/errcat.mjs. A cold start then loads one file instead of
// about a hundred TypeScript modules, each type-stripped on load (most of the time of a
// cold check). bin/errcat.js uses the bundle only while it is newer than every source.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** The bundle sits two levels deep, like src/catalog/, so paths relative to a module still hold. */
export const BUNDLE = 'build/cli/errcat.mjs';

const result = await build({
  write: false,
  entryPoints: ['src/cli/main.ts'],
  outfile: BUNDLE,
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
      // The OpenAPI worker runs from its source file, beside the module that starts it.
      name: 'openapi-worker-path',
      setup(b) {
        b.onLoad({ filter: /src[\\/]catalog[\\/]openapi\.ts$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          const text = await readFile(args.path, 'utf8');
          return { contents: text.replace("new URL('./openapi-worker.ts', import.meta.url)", "new URL('../../src/catalog/openapi-worker.ts', import.meta.url)"), loader: 'ts' };
        });
      },
    },
  ],
});

// Written whole, then renamed: a CLI starting meanwhile reads the old bundle or the new one.
mkdirSync(dirname(BUNDLE), { recursive: true });
for (const file of result.outputFiles) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}

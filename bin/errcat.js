#!/usr/bin/env node
// errcat. Runs the bundled CLI (build/cli/errcat.mjs, made by `npm run build:cli` and on
// `npm install`) when it is newer than every source file, else the TypeScript sources
// (Node >= 22.18 runs them directly), so an edit is never hidden by a stale bundle.
import { readdirSync, statSync } from 'node:fs';
import module from 'node:module';

// V8 keeps the compiled bundle on disk between runs.
module.enableCompileCache?.();

const root = new URL('../', import.meta.url);

function bundleIsFresh() {
  let built;
  try {
    built = statSync(new URL('build/cli/errcat.mjs', root)).mtimeMs;
  } catch {
    return false;
  }
  const src = new URL('src/', root);
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(`${entry.parentPath}/${entry.name}`).mtimeMs > built) return false;
  }
  return statSync(new URL('package-lock.json', root)).mtimeMs <= built;
}

const cli = bundleIsFresh() && !process.env.ERRCAT_FROM_SOURCE ? '../build/cli/errcat.mjs' : '../src/cli/main.ts';
const { main, quietOnBrokenPipe } = await import(cli);
quietOnBrokenPipe(process.stdout);
process.exitCode = main(process.argv.slice(2));

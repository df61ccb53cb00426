#!/usr/bin/env node
// errcat. Runs the bundled CLI (build/cli/errcat.mjs, made by `npm run build:cli` and on
// `npm install`) when it is newer than every file it was built from (listed beside it in
// errcat.inputs.json), else the TypeScript sources (Node >= 22.18 runs them directly), so
// an edit is never hidden by a stale bundle.

// Node's modules through process.getBuiltinModule: an ES import of node:fs reads all of its
// exports, and the lazy ones load some forty modules (several milliseconds of every start).
const { readFileSync, statSync } = process.getBuiltinModule('node:fs');

// V8 keeps the compiled bundle on disk between runs.
process.getBuiltinModule('node:module').enableCompileCache?.();

const root = new URL('../', import.meta.url);

function bundleIsFresh() {
  try {
    const built = statSync(new URL('build/cli/errcat.mjs', root)).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('build/cli/errcat.inputs.json', root), 'utf8'));
    // A deleted input throws: the sources run, and say what is missing.
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

const cli = !process.env.ERRCAT_FROM_SOURCE && bundleIsFresh() ? '../build/cli/errcat.mjs' : '../src/cli/main.ts';
const { main, quietOnBrokenPipe } = await import(cli);
quietOnBrokenPipe(process.stdout);
process.exitCode = main(process.argv.slice(2));

#!/usr/bin/env -S node --max-semi-space-size=8
// errcat. Runs the bundled CLI (build/cli/errcat.mjs, made by `npm run build:cli` and on
// `npm install`) when it is newer than every file it was built from (listed beside it in
// errcat.inputs.json), else the TypeScript sources (Node >= 22.18 runs them directly), so
// an edit is never hidden by a stale bundle.

// The flag above: the check keeps most of what it allocates (every file's data, until the
// cross-file rules have run), so V8's default young generation, sized for servers whose
// objects die young, only copies survivors and faults in fresh pages: a cold check of
// 10,000 codes spends a fifth less time with 8 MiB semi-spaces. It takes effect when the
// file runs as a program (npx errcat, node_modules/.bin/errcat), not under `node bin/errcat.js`.

// Node's modules through process.getBuiltinModule: an ES import of node:fs reads all of its
// exports, and the lazy ones load some forty modules (several milliseconds of every start).
const { readFileSync, statSync } = process.getBuiltinModule('node:fs');

// V8 keeps the compiled bundle on disk between runs.
process.getBuiltinModule('node:module').enableCompileCache?.();

const root = new URL('../', import.meta.url);

function bundleIsFresh() {
  try {
    const built = statSync(new URL('build/cli/errcat.mjs', root)).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('build/cli/errcat.inputs.json', root), 'utf8'));
    // A deleted input throws: the sources run, and say what is missing.
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

const bundled = !process.env.ERRCAT_FROM_SOURCE && bundleIsFresh();
const argv = process.argv.slice(2);
// `check --cache` with nothing changed is answered before the check itself is loaded.
const cached = argv[0] === 'check' && argv.some((a) => a.startsWith('--cache'));
const { replay } = cached ? await import(bundled ? '../build/cli/replay.mjs' : '../src/cli/replay.ts') : {};
const replayed = replay?.(argv, process.stdout);
if (replayed !== undefined) process.exitCode = replayed;
else {
  const { main, quietOnBrokenPipe } = await import(bundled ? '../build/cli/errcat.mjs' : '../src/cli/main.ts');
  quietOnBrokenPipe(process.stdout);
  process.exitCode = main(argv, process.stdout, process.stderr, { cacheChecked: cached });
}

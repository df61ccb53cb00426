#!/usr/bin/env node
// errcat. Runs the bundled CLI (build/cli/errcat.mjs, made by `npm run build:cli` and on
// `npm install`) when it is newer than every file it was built from (listed beside it in
// errcat.inputs.json), else the TypeScript sources (Node >= 22.18 runs them directly), so
// an edit is never hidden by a stale bundle. The published package has no sources: there
// the bundle always runs.

// First, in syntax any Node parses: an older Node gets one line, not a stack trace from
// what it lacks below. The same version as package.json's engines (a unit test keeps them alike).
var REQUIRED_NODE = '22.12';
var have = process.versions.node.split('.').map(Number);
var need = REQUIRED_NODE.split('.').map(Number);
if (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1])) {
  process.stderr.write('errcat: needs Node.js ' + REQUIRED_NODE + ' or newer; this is Node.js ' + process.versions.node + '\n');
  process.exit(2);
}

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
    // Without sources (the installed package), the bundle is all there is.
    return !hasSources();
  }
}

function hasSources() {
  try {
    return statSync(new URL('src/cli/main.ts', root)).isFile();
  } catch {
    return false;
  }
}

// The directory `check` reads, from its arguments as src/cli/args.ts's CHECK_OPTIONS reads
// them (these take a value; a unit test keeps the lists alike). Importing that module
// would cost every start a few milliseconds; a wrong guess only costs the second process.
const VALUED = ['format', 'base', 'preview-url', 'artifact-url', 'max-chars', 'openapi', 'openapi-max-mb', 'cache-location'];
function checkedDir(args) {
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      dirs.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-')) dirs.push(a);
    else if (!a.includes('=') && VALUED.includes(a.replace(/^--?/, ''))) i++;
  }
  return dirs.length > 1 ? undefined : (dirs[0] ?? process.env.CATALOG_DIR ?? 'catalog');
}

const LARGE_CATALOG = 3000;
/** At least LARGE_CATALOG code files in `dir`'s codes/, a plain directory. */
function isLarge(dir) {
  if (dir === undefined) return false;
  const { lstatSync, readdirSync } = process.getBuiltinModule('node:fs');
  try {
    // join: an empty CATALOG_DIR is the working directory, as in src/config.ts.
    const codes = process.getBuiltinModule('node:path').join(dir, 'codes');
    if (!lstatSync(codes).isDirectory()) return false;
    let n = 0;
    for (const name of readdirSync(codes)) if (/\.ya?ml$/.test(name) && ++n >= LARGE_CATALOG) return true;
  } catch {
    // The check itself says what is wrong.
  }
  return false;
}

const bundled = !process.env.ERRCAT_FROM_SOURCE && bundleIsFresh();
const argv = process.argv.slice(2);
// `check --cache` with nothing changed is answered before the check itself is loaded.
const cached = argv[0] === 'check' && argv.some((a) => a.startsWith('--cache'));
// Set in the second process of a large check (below).
const young = process.env.ERRCAT_YOUNG_GENERATION === '1';
const { replay } = cached && !young ? await import(bundled ? '../build/cli/replay.mjs' : '../src/cli/replay.ts') : {};
const replayed = replay?.(argv, process.stdout);
// Unless the flag is given already.
const flagged = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--max-semi-space-size'));
if (typeof replayed === 'number') process.exitCode = replayed;
// With the last run's per-file findings at hand only the changed files are checked, which
// keeps little: the second process would cost more than it saves.
else if (argv[0] === 'check' && !young && !flagged && replayed !== 'records' && isLarge(checkedDir(argv.slice(1)))) {
  // A large catalog is checked in a second process with 8 MiB semi-spaces: the check keeps
  // most of what it allocates until the cross-file rules have run, and V8's default young
  // generation, sized for servers whose objects die young, then only copies survivors and
  // faults in fresh pages (about a fifth of a cold check of 10,000 codes). Its old space
  // starts at 256 MiB: the kept catalog (about 75 MiB at 10,000 codes) then grows into it
  // without a full collection on the way, which would only find it all still in use (two
  // or three of them, a tenth of the check). The limit of the heap stays Node's own. The
  // flags cannot be set once Node runs, and flags in the shebang (`env -S`) fail on BusyBox
  // (Alpine); a second process costs about 90 ms, repaid well before LARGE_CATALOG code files.
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  const r = spawnSync(process.execPath, ['--max-semi-space-size=8', '--initial-old-space-size=256', ...process.execArgv, fileURLToPath(import.meta.url), ...argv], {
    stdio: 'inherit',
    env: { ...process.env, ERRCAT_YOUNG_GENERATION: '1' },
  });
  // Ended by a signal: end the same way; not started at all: say why (exit 2, as for misuse).
  if (r.signal) process.kill(process.pid, r.signal);
  if (r.error) process.stderr.write(`errcat: could not start the check: ${r.error.message}\n`);
  process.exitCode = r.status ?? 2;
} else {
  const { main, quietOnBrokenPipe } = await import(bundled ? '../build/cli/errcat.mjs' : '../src/cli/main.ts');
  quietOnBrokenPipe(process.stdout);
  process.exitCode = main(argv, process.stdout, process.stderr, { cacheChecked: cached });
}

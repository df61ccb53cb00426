// A cold `errcat check` beside its floors, each a fresh process: a bare `node -e ''`, and
// a process that only imports js-yaml and parses the same files (the least any check that
// reads YAML must do); its peer, ajv + js-yaml validating the same files with this
// project's JSON Schema (what a team without this tool runs); then `check --cache` with
// nothing changed, and right after an edit.
// Median wall time of `runs` processes each.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { RACY_MS } from '../src/cli/cache.ts';

export interface StartupFigures {
  label: string;
  codes: number;
  nodeMs: number;
  floorMs: number;
  /** The same parse keeping every document until the end, as any check with cross-file rules must. */
  keptMs: number;
  checkMs: number;
  /** The peer: ajv + js-yaml over the same files with schema/*.schema.json. */
  peerMs: number;
  /** `check --cache` with nothing changed since the last run (the report replayed). */
  hitMs: number;
  /** `check --cache` right after one code file was edited (that file checked again, the others' findings kept). */
  editMs: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// errcat runs as users run it (npx errcat, node_modules/.bin/errcat): as a program, through
// its shebang, with this Node first on the PATH.
const ERRCAT = resolve('bin/errcat.js');
// ERRCAT_CACHE_IN_CI: the bench's cache is its own temporary directory, to be measured in CI too.
const PATH_ENV = { ...process.env, ERRCAT_CACHE_IN_CI: '1', PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };

function coldMs(args: string[], runs: number, okStatus: number[] = [0]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const [command, rest] = args[0] === ERRCAT ? [ERRCAT, args.slice(1)] : [process.execPath, args];
    const r = spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'pipe'], env: PATH_ENV });
    times.push(performance.now() - start);
    if (!okStatus.includes(r.status ?? -1)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

// Reads what the loader reads (catalog.yaml, codes/*.yaml, shipped.yaml) and parses it as it does.
const FLOOR = `
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
const dir = process.argv[1];
const files = [join(dir, 'catalog.yaml'), ...readdirSync(join(dir, 'codes')).sort().map((n) => join(dir, 'codes', n))];
if (existsSync(join(dir, 'shipped.yaml'))) files.push(join(dir, 'shipped.yaml'));
for (const f of files) load(readFileSync(f, 'utf8'), { schema: CORE_SCHEMA });
`;
// The same, keeping each document (and its text) to the end.
const KEPT = FLOOR.replace(/for \(const f of files\) (.*);\n/, (_, parse) => `const kept = [];\nfor (const f of files) kept.push(${parse});\nglobalThis.kept = kept;\n`);
if (KEPT === FLOOR) throw new Error('bench/startup.ts: the kept floor no longer follows the floor');
// The peer: a team that does not use errcat validates its YAML with ajv against a JSON
// Schema; here this project's own (the same files, compiled once, every file validated and
// its errors printed). The schemas are read from this repository whichever catalog is checked.
const PEER = `
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CORE_SCHEMA, load } from 'js-yaml';
const [dir, schemaDir] = process.argv.slice(1);
const ajv = new Ajv({ allErrors: true, strict: false });
const schema = (name) => ajv.compile(JSON.parse(readFileSync(join(schemaDir, name), 'utf8')));
const catalog = schema('catalog.schema.json');
const code = schema('code.schema.json');
let problems = 0;
const check = (file, validate) => {
  if (validate(load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA }))) return;
  problems++;
  for (const e of validate.errors) console.log(file + ': ' + e.instancePath + ' ' + e.message);
};
check(join(dir, 'catalog.yaml'), catalog);
for (const n of readdirSync(join(dir, 'codes')).sort()) check(join(dir, 'codes', n), code);
process.exitCode = problems ? 1 : 0;
`;
const SCHEMA_DIR = resolve('schema');
// With the young generation bin/errcat.js gives a large check: its best case for keeping.
const KEPT_YOUNG_GENERATION = '--max-semi-space-size=8';

/** What users run: bin/errcat.js on a fresh bundle. */
export function buildBundle(): void {
  const r = spawnSync(process.execPath, ['scripts/build-cli.ts'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:cli failed: ${r.stderr}`);
}

export function benchStartup(label: string, dir: string, runs: number): StartupFigures {
  const codes = readdirSync(join(dir, 'codes')).filter((n) => /\.ya?ml$/.test(n)).length;
  if (!existsSync(join(dir, 'catalog.yaml'))) throw new Error(`${dir} is not a catalog`);
  // Interleaved, so a busy machine weighs on all of them alike.
  const node: number[] = [];
  const floor: number[] = [];
  const kept: number[] = [];
  const check: number[] = [];
  const peer: number[] = [];
  const hit: number[] = [];
  const edit: number[] = [];
  const cache = ['--cache', '--cache-location', mkdtempSync(join(tmpdir(), 'errcat-bench-cache-'))];
  // The --cache runs use a copy, where one code file is edited back and forth, so an
  // interrupted run never leaves the catalog edited. Its files are first let age past the
  // cache's racy window, as a checkout's files have.
  const copy = mkdtempSync(join(tmpdir(), 'errcat-bench-catalog-'));
  cpSync(dir, copy, { recursive: true });
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MS + 500);
  const edited = join(copy, 'codes', readdirSync(join(copy, 'codes')).filter((n) => /\.ya?ml$/.test(n)).sort()[0]!);
  const original = readFileSync(edited, 'utf8');
  try {
    coldMs([ERRCAT, 'check', copy, ...cache], 1, [0, 1]);
    for (let i = 0; i < runs; i++) {
      node.push(coldMs(['-e', ''], 1));
      floor.push(coldMs(['--input-type=module', '-e', FLOOR, dir], 1));
      kept.push(coldMs([KEPT_YOUNG_GENERATION, '--input-type=module', '-e', KEPT, dir], 1));
      check.push(coldMs([ERRCAT, 'check', dir], 1, [0, 1]));
      // The catalogs measured are clean: the peer must pass them (a crash is not a time).
      peer.push(coldMs(['--input-type=module', '-e', PEER, dir, SCHEMA_DIR], 1));
      hit.push(coldMs([ERRCAT, 'check', copy, ...cache], 1, [0, 1]));
      writeFileSync(edited, i % 2 ? original : `${original}# edited\n`);
      edit.push(coldMs([ERRCAT, 'check', copy, ...cache], 1, [0, 1]));
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  return { label, codes, nodeMs: median(node), floorMs: median(floor), keptMs: median(kept), checkMs: median(check), peerMs: median(peer), hitMs: median(hit), editMs: median(edit) };
}

export function startupTable(rows: StartupFigures[]): string {
  const ok = (b: boolean) => (b ? 'met' : 'missed');
  const ms = (v: number) => v.toFixed(0);
  const x = (v: number) => `${v.toFixed(2)}×`;
  // Ratios to bare Node swing with the machine (how fast Node itself starts): the peer's
  // own ratio to Node stands beside ours, and ours to the peer, which does not.
  return [
    '| catalog | codes | bare `node -e \'\'` (ms) | js-yaml parse floor (ms) | the same, documents kept, 8 MiB semi-spaces (ms) | × floor | peer: ajv + js-yaml (ms) | peer × node | `errcat check` (ms) | × node | × floor | × peer | `--cache`, unchanged (ms) | × node | × floor | `--cache`, one file edited (ms) | × floor | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const goal = r.codes >= 10000
        ? `≤ 1.5× peer: ${ok(r.checkMs / r.peerMs <= 1.5)}; ≤ 1.3× floor: ${ok(r.checkMs / r.floorMs <= 1.3)}; with \`--cache\`, unchanged: ${ok(r.hitMs / r.floorMs <= 1.3)}; one file edited: ${ok(r.editMs / r.floorMs <= 1.3)}`
        : r.codes <= 100 ? `≤ 3× node: ${ok(r.checkMs / r.nodeMs <= 3)}` : '–';
      return `| ${r.label} | ${r.codes.toLocaleString('en-US')} | ${ms(r.nodeMs)} | ${ms(r.floorMs)} | ${ms(r.keptMs)} | ${x(r.keptMs / r.floorMs)} | ${ms(r.peerMs)} | ${x(r.peerMs / r.nodeMs)} | ${ms(r.checkMs)} | ${x(r.checkMs / r.nodeMs)} | ${x(r.checkMs / r.floorMs)} | ${x(r.checkMs / r.peerMs)} | ${ms(r.hitMs)} | ${x(r.hitMs / r.nodeMs)} | ${x(r.hitMs / r.floorMs)} | ${ms(r.editMs)} | ${x(r.editMs / r.floorMs)} | ${goal} |`;
    }),
  ].join('\n');
}

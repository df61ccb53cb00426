// A cold `errcat check` beside its floors, each a fresh process: a bare `node -e ''`, and
// a process that only imports js-yaml and parses the same files (the least any check that
// reads YAML must do). Median wall time of `runs` processes each.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface StartupFigures {
  label: string;
  codes: number;
  nodeMs: number;
  floorMs: number;
  checkMs: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function coldMs(args: string[], runs: number, okStatus: number[] = [0]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
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

/** What users run: bin/errcat.js on a fresh bundle. */
export function buildBundle(): void {
  const r = spawnSync(process.execPath, ['scripts/build-cli.ts'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:cli failed: ${r.stderr}`);
}

export function benchStartup(label: string, dir: string, runs: number): StartupFigures {
  const codes = readdirSync(join(dir, 'codes')).filter((n) => /\.ya?ml$/.test(n)).length;
  if (!existsSync(join(dir, 'catalog.yaml'))) throw new Error(`${dir} is not a catalog`);
  // Interleaved, so a busy machine weighs on all three alike.
  const node: number[] = [];
  const floor: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(coldMs(['-e', ''], 1));
    floor.push(coldMs(['--input-type=module', '-e', FLOOR, dir], 1));
    check.push(coldMs(['bin/errcat.js', 'check', dir], 1, [0, 1]));
  }
  return { label, codes, nodeMs: median(node), floorMs: median(floor), checkMs: median(check) };
}

export function startupTable(rows: StartupFigures[]): string {
  const ok = (b: boolean) => (b ? 'met' : 'missed');
  return [
    '| catalog | codes | bare `node -e \'\'` (ms) | js-yaml parse floor, cold (ms) | cold `errcat check` (ms) | × bare node | × floor | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const xNode = r.checkMs / r.nodeMs;
      const xFloor = r.checkMs / r.floorMs;
      const goal = r.codes >= 10000 ? `≤ 1.3× floor: ${ok(xFloor <= 1.3)}` : r.codes <= 100 ? `≤ 3× bare node: ${ok(xNode <= 3)}` : '–';
      return `| ${r.label} | ${r.codes.toLocaleString('en-US')} | ${r.nodeMs.toFixed(0)} | ${r.floorMs.toFixed(0)} | ${r.checkMs.toFixed(0)} | ${xNode.toFixed(2)}× | ${xFloor.toFixed(2)}× | ${goal} |`;
    }),
  ].join('\n');
}

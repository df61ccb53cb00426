// The server-source scan on a generated tree of TypeScript files beside its floor: globbing
// and reading the same files and doing nothing with them. Median of runs.
import { globSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalog } from '../src/check/check.ts';
import { scanSources } from '../src/bridges/sources.ts';

export interface SourceFigures {
  files: number;
  mib: number;
  /** Distinct codes found. */
  emissions: number;
  scanMs: number;
  floorMs: number;
  ratio: number;
}

const CODES = ['order_not_found', 'out_of_stock', 'invalid_quantity', 'rate_limited'];

/** A catalog (the fixture API's) whose `sources` glob a tree of `files` handler modules. */
export function generateSourceTree(root: string, files: number): string {
  rmSync(root, { recursive: true, force: true });
  cpSync('tests/fixtures/api/catalog', join(root, 'catalog'), { recursive: true });
  const catalogYaml = join(root, 'catalog', 'catalog.yaml');
  const text = readFileSync(catalogYaml, 'utf8').replace(/^openapi:.*\n/m, '').replace(/^sources:[^]*$/m,
    "sources:\n  - include: ['../server/**/*.ts']\n    pattern: new ApiError\\(\\s*[\"']([a-z_]+)\n");
  writeFileSync(catalogYaml, text);
  for (let i = 0; i < files; i++) {
    const dir = join(root, 'server', `pkg${i % 50}`, `mod${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const lines = [`// Handler module ${i}.`, "import { ApiError } from '../../errors.ts';", ''];
    for (let f = 0; f < 12; f++) {
      lines.push(`export async function handler${i}_${f}(req: { id: string; quantity: number }, db: Map<string, unknown>) {`);
      lines.push('  const row = db.get(req.id);');
      // One function in four raises an API error; the rest is ordinary code.
      if ((i + f) % 4 === 0) lines.push(`  if (!row) throw new ApiError('${CODES[(i + f) % CODES.length]}', 404, \`No row \${req.id}.\`);`);
      else lines.push('  if (!row) return { status: 204, body: null };');
      lines.push('  const total = req.quantity * 2 + Number(String(row).length);', '  return { status: 200, body: { total } };', '}', '');
    }
    writeFileSync(join(dir, `handler-${i}.ts`), lines.join('\n'));
  }
  return join(root, 'catalog');
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Medians of `a` and `b`, run in turns so a busy machine slows both alike; one warm-up each. */
function timePair(a: () => void, b: () => void, runs: number): [number, number] {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, t] of [[a, ta], [b, tb]] as const) {
      const start = performance.now();
      fn();
      t.push(performance.now() - start);
    }
  }
  return [median(ta), median(tb)];
}

export function benchSources(files: number, runs: number): SourceFigures {
  const dir = generateSourceTree(`.tmp/bench/sources-${files}`, files);
  const catalog = checkCatalog(dir).model!.catalog;
  let emissions = 0;
  let bytes = 0;
  const [scanMs, floorMs] = timePair(() => {
    const r = scanSources(dir, catalog, new Set(CODES));
    emissions = r.emitted.size;
    bytes = r.bytesRead;
    if (r.filesRead !== files) throw new Error(`scanned ${r.filesRead} files, generated ${files}`);
  }, () => {
    for (const name of globSync('**/*.ts', { cwd: join(dir, '../server') })) readFileSync(join(dir, '../server', name), 'utf8');
  }, runs);
  return { files, mib: bytes / 2 ** 20, emissions, scanMs, floorMs, ratio: scanMs / floorMs };
}

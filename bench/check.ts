// The check's time beside its floor: reading the same files and parsing them with `yaml`
// alone (parseDocument, which keeps positions), and with js-yaml, the fast parser the
// loader reads clean files with. Median of runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { checkCatalog } from '../src/check/check.ts';

export interface CheckFigures {
  codes: number;
  checkMs: number;
  floorMs: number;
  fastFloorMs: number;
  ratio: number;
  diagnostics: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up: JIT and file cache, for both sides alike
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
  }
  return median(t);
}

export function benchCheck(dir: string, runs = 3): CheckFigures {
  let diagnostics = 0;
  let codes = 0;
  const checkMs = time(() => {
    const r = checkCatalog(dir);
    diagnostics = r.diagnostics.length;
    codes = r.codeCount;
  }, runs);
  const files = () => [join(dir, 'catalog.yaml'), ...readdirSync(join(dir, 'codes')).map((n) => join(dir, 'codes', n))];
  const floorMs = time(() => {
    for (const f of files()) parseDocument(readFileSync(f, 'utf8'));
  }, runs);
  const fastFloorMs = time(() => {
    for (const f of files()) load(readFileSync(f, 'utf8'), { schema: CORE_SCHEMA });
  }, runs);
  return { codes, checkMs, floorMs, fastFloorMs, ratio: checkMs / floorMs, diagnostics };
}

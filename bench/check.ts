// The check's time beside its floor: reading the same files and parsing them with `yaml`
// alone (parseDocument, which keeps the positions the check needs). Median of runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checkCatalog } from '../src/catalog/check.ts';

export interface CheckFigures {
  codes: number;
  checkMs: number;
  floorMs: number;
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
  const floorMs = time(() => {
    const files = [join(dir, 'catalog.yaml'), ...readdirSync(join(dir, 'codes')).map((n) => join(dir, 'codes', n))];
    for (const f of files) parseDocument(readFileSync(f, 'utf8'));
  }, runs);
  return { codes, checkMs, floorMs, ratio: checkMs / floorMs, diagnostics };
}

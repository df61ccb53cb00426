// The import rules of .dependency-cruiser.cjs (npm run lint:deps) hold, and are not vacuous:
// every TypeScript module of src/ is read (without a TypeScript parser dependency-cruiser
// would skip them all and pass), and a cycle or an import against the layers fails it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const DEPCRUISE = resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Cruise {
  modules: { source: string }[];
  summary: { violations: { rule: { name: string }; from: string; to: string }[] };
}

/** The violations found in `cwd`'s src/, and the exit status of `depcruise src` as npm run lint:deps runs it. */
function cruise(cwd: string): { status: number | null; result: Cruise } {
  const run = (...args: string[]) => spawnSync(process.execPath, [DEPCRUISE, 'src', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run().status, result: JSON.parse(run('--output-type', 'json').stdout) as Cruise };
}

test('src/ has no import cycle and no import against the layers, every module read', () => {
  const { status, result } = cruise(process.cwd());
  assert.deepEqual(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`), []);
  assert.equal(status, 0);
  const sources = readdirSync('src', { recursive: true }).map(String)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('content/')).map((f) => `src/${f}`).sort();
  assert.deepEqual(result.modules.map((m) => m.source).filter((s) => s.endsWith('.ts') && s.startsWith('src/')).sort(), sources);
});

test('a cycle, an import from a higher layer and a module in no layer are reported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-layers-'));
  try {
    cpSync('.dependency-cruiser.cjs', join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(join(dir, 'tsconfig.json'), '{}');
    const write = (file: string, text: string) => {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    write('src/load/low.ts', "import { high } from '../rules/high.ts';\nexport const low = high;\n");
    write('src/rules/high.ts', "import { low } from '../load/low.ts';\nexport const high = () => low;\n");
    write('src/misc/stray.ts', "import { low } from '../load/low.ts';\nexport const stray = low;\n");
    const { status, result } = cruise(dir);
    assert.notEqual(status, 0);
    const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    assert.deepEqual(found, [
      'in-a-layer: src/misc/stray.ts -> src/load/low.ts',
      'layer-load: src/load/low.ts -> src/rules/high.ts',
      'no-circular: src/load/low.ts -> src/rules/high.ts',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

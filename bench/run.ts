// npm run bench [-- --sizes 100,1000,10000]: generates catalogs, measures, prints a table
// and writes bench/RESULTS.md.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchCheck, type CheckFigures } from './check.ts';
import { generateCatalog } from './generate.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100,1000,10000' }, runs: { type: 'string', default: '3' }, out: { type: 'string' } },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const rows: CheckFigures[] = [];
for (const n of sizes) {
  const dir = generateCatalog(`.tmp/bench/catalog-${n}`, n);
  const f = benchCheck(dir, runs);
  if (f.diagnostics) throw new Error(`generated catalog of ${n} codes is not clean (${f.diagnostics} diagnostics)`);
  rows.push(f);
  console.error(`check ${n}: ${f.checkMs.toFixed(0)} ms (floor ${f.floorMs.toFixed(0)} ms)`);
}

const ok = (b: boolean) => (b ? 'met' : 'missed');
const table = [
  '| codes | check (ms) | yaml parse floor (ms) | ratio | goal: ≤ 2× floor | goal: < 300 ms at 10,000 |',
  '|---:|---:|---:|---:|---|---|',
  ...rows.map((r) =>
    `| ${r.codes.toLocaleString('en-US')} | ${r.checkMs.toFixed(0)} | ${r.floorMs.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${ok(r.ratio <= 2)} | ${r.codes === 10000 ? ok(r.checkMs < 300) : '–'} |`),
].join('\n');

const report = `# Benchmark results

Machine: ${machine}. Median of ${runs} runs after a warm-up, in one process.

## Check vs. bare YAML parsing

The floor is reading the same files and parsing them with \`yaml\`'s \`parseDocument\`
(the positions-keeping parse the check needs), and nothing else.

${table}
`;
console.log(`\n${table}`);
writeFileSync(values.out ?? 'bench/RESULTS.md', report);

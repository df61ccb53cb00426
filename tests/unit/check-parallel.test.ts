// A large catalog checked on two threads (src/check/parallel.ts): the report and exit
// status must be byte for byte a full check's, however the code files were shared between
// the threads, and whatever the worker does (fails at once, dies half-way). ERRCAT_PARALLEL=1
// turns the two threads on for any catalog, =0 off.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { generateCatalog } from '../../bench/generate.ts';
import { checkCatalog } from '../../src/check/check.ts';
import { checkIncremental, findingsOfFiles, type KeptFile, type PartFindings } from '../../src/check/incremental.ts';
import { checkInParallel, PARALLEL_ENV } from '../../src/check/parallel.ts';
import { catalogRoot, diskSource } from '../../src/load/read.ts';
import { main } from '../../src/cli/main.ts';
import { edits, prng } from './catalog-edits.ts';

const SEED = Number(process.env.PARALLEL_SEED ?? 6);

function run(args: string[], parallel: '0' | '1') {
  const before = process.env[PARALLEL_ENV];
  process.env[PARALLEL_ENV] = parallel;
  try {
    let out = '';
    const sink = { write: (s: string) => ((out += String(s)), true) } as unknown as NodeJS.WritableStream;
    const code = main(args, sink, sink);
    return { code, out };
  } finally {
    if (before === undefined) delete process.env[PARALLEL_ENV];
    else process.env[PARALLEL_ENV] = before;
  }
}

function assertSameReport(dir: string, context: string) {
  const two = run(['check', dir], '1');
  const one = run(['check', dir], '0');
  if (two.out !== one.out) {
    // The lines one report has and the other lacks, not two reports of 2,000 codes.
    const only = (a: string, b: string) => a.split('\n').filter((l) => !b.split('\n').includes(l));
    assert.deepEqual({ two: only(two.out, one.out), one: only(one.out, two.out) }, { two: [], one: [] }, context);
    assert.equal(two.out, one.out, `${context}: the same lines in another order`);
  }
  assert.equal(two.code, one.code, context);
  return one;
}

/** A generated catalog with `n` random edits of every kind from catalog-edits.ts made to it. */
function brokenCatalog(codes: number, n: number, seed: number) {
  const dir = generateCatalog(mkdtempSync(join(tmpdir(), 'errcat-parallel-')), codes, { shipped: true });
  const r = prng(seed);
  const all = edits(r, new Set());
  const log: string[] = [];
  for (let i = 0; i < n; i++) log.push(all[i < all.length ? i : r.int(all.length)]!(dir));
  return { dir, log };
}

test('2,000 codes with errors of every kind: two threads report exactly what one reports', () => {
  const { dir, log } = brokenCatalog(2000, 60, SEED);
  try {
    const one = assertSameReport(dir, `seed ${SEED}: ${log.join('; ')}`);
    assert.equal(one.code, 1, 'the edits broke the catalog');
    // Errors in many files, of many rules: the split is tested on findings, not on a clean report.
    assert.ok(new Set(one.out.split('\n').map((l) => l.split(/\s+/)[2]).filter(Boolean)).size >= 10, one.out.slice(0, 2000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after every edit of a random sequence, two threads report exactly what one reports', () => {
  const dir = generateCatalog(mkdtempSync(join(tmpdir(), 'errcat-parallel-')), 200, { shipped: true });
  const r = prng(SEED + 1);
  const all = edits(r, new Set());
  const log: string[] = [];
  try {
    assertSameReport(dir, 'the generated catalog');
    for (let step = 0; step < 20; step++) {
      for (let k = 1 + r.int(3); k > 0; k--) log.push(all[r.int(all.length)]!(dir));
      assertSameReport(dir, `seed ${SEED + 1}, step ${step}, after: ${log.slice(-3).join('; ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the worker thread\'s findings of every chunk, kept, give the full check\'s report', async () => {
  // The worker module itself, given every chunk (the main thread claims none): what it
  // posts, through the thread boundary, is what checkIncremental is then given.
  const { dir } = brokenCatalog(300, 40, SEED + 2);
  try {
    const names = readdirSync(join(dir, 'codes')).filter((n) => /\.ya?ml$/.test(n)).sort();
    const chunks: string[][] = [];
    for (let i = 0; i < names.length; i += 37) chunks.push(names.slice(i, i + 37));
    const { Worker, MessageChannel, receiveMessageOnPort } = await import('node:worker_threads');
    const { port1, port2 } = new MessageChannel();
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(new URL('../../src/check/parallel-worker.ts', import.meta.url), {
      workerData: { dir, root: catalogRoot(dir), chunks, shared, port: port2, options: {} },
      transferList: [port2],
    });
    await new Promise((ok) => worker.on('exit', ok));
    const parts: PartFindings[] = [];
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) parts.push(m.message as PartFindings);
    port1.close();
    assert.equal(parts.length, chunks.length);
    const kept = new Map<string, KeptFile>(parts.flatMap((p) => p.files));
    assert.equal(kept.size, names.length - 1, 'every code file but the directory named like one');
    const read: string[] = [];
    const disk = diskSource(catalogRoot(dir)!);
    const source = { ...disk, read: (p: string) => (read.push(p), disk.read(p)) };
    const two = checkIncremental(dir, source, { settings: parts[0]!.settings, unchanged: (path) => kept.get(path) });
    const one = checkCatalog(dir);
    assert.deepEqual(two?.result.diagnostics, one.diagnostics);
    assert.equal(two?.result.codeCount, one.codeCount);
    // Only what the report points into was read again.
    for (const p of read.filter((p) => p.includes(`${join('codes', '')}`))) assert.ok(one.diagnostics.some((d) => p.endsWith(d.file)), p);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker that fails at once, or dies half-way, leaves its chunks to the main thread: the same report', () => {
  // Large enough that the main thread is still at it when the worker starts.
  const { dir } = brokenCatalog(2000, 30, SEED + 3);
  const workers = mkdtempSync(join(tmpdir(), 'errcat-parallel-workers-'));
  const claimed = join(workers, 'claimed');
  const failing = {
    'throws on start': 'throw new Error("no worker today");\n',
    // Claims a chunk, as a worker that crashes in it would, and ends without posting it.
    'dies in its first chunk': `import { writeFileSync } from "node:fs";\nimport { workerData } from "node:worker_threads";\nif (Atomics.add(workerData.shared, 0, 1) < workerData.chunks.length) writeFileSync(${JSON.stringify(claimed)}, "");\nprocess.exit(1);\n`,
  };
  const before = process.env[PARALLEL_ENV];
  process.env[PARALLEL_ENV] = '1';
  try {
    const one = checkCatalog(dir);
    for (const [what, code] of Object.entries(failing)) {
      const file = join(workers, `${what.replaceAll(' ', '-')}.mjs`);
      writeFileSync(file, code);
      const two = checkInParallel(dir, {}, { worker: pathToFileURL(file) });
      assert.ok(two, what);
      assert.deepEqual(two.diagnostics, one.diagnostics, what);
      assert.equal(two.codeCount, one.codeCount, what);
    }
    assert.ok(existsSync(claimed), 'the dying worker claimed a chunk');
  } finally {
    if (before === undefined) delete process.env[PARALLEL_ENV];
    else process.env[PARALLEL_ENV] = before;
    rmSync(dir, { recursive: true, force: true });
    rmSync(workers, { recursive: true, force: true });
  }
});

test('without ERRCAT_PARALLEL, a small catalog is checked on one thread; =0 turns the threads off', () => {
  const dir = generateCatalog(mkdtempSync(join(tmpdir(), 'errcat-parallel-')), 30);
  const before = process.env[PARALLEL_ENV];
  try {
    delete process.env[PARALLEL_ENV];
    assert.equal(checkInParallel(dir), undefined);
    process.env[PARALLEL_ENV] = '0';
    assert.equal(checkInParallel(dir), undefined);
    process.env[PARALLEL_ENV] = '1';
    assert.ok(checkInParallel(dir));
    // An OpenAPI document is read beside the check: never on two threads.
    assert.equal(checkInParallel(dir, { openapi: join(dir, 'openapi.yaml') }), undefined);
  } finally {
    if (before === undefined) delete process.env[PARALLEL_ENV];
    else process.env[PARALLEL_ENV] = before;
    rmSync(dir, { recursive: true, force: true });
  }
});

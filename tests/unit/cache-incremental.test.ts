// `check --cache` after edits (src/check/incremental.ts, src/cli/cache-records.ts): a
// seeded random sequence of edits on a generated 200-code catalog, and after each one the
// cached check's report and exit status must be byte for byte a fresh full check's. The
// edits are the ones that move findings between files: fields, duplicated and renamed
// codes, broken related codes and links, YAML errors, files added, deleted and renamed,
// catalog.yaml and the lock. And the cache must be used: unless catalog.yaml changed, a
// file untouched since the first run is read only when the report points into it.
// CACHE_SEED picks another sequence, CACHE_STEPS its length.
import assert from 'node:assert/strict';
import fs, { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { generateCatalog } from '../../bench/generate.ts';
import { main } from '../../src/cli/main.ts';
import { RACY_MS } from '../../src/cli/cache.ts';

// These runs test the cache itself; CI=true (cache-trust.ts) would turn it off.
delete process.env.CI;

const SEED = Number(process.env.CACHE_SEED ?? 25);
const STEPS = Number(process.env.CACHE_STEPS ?? 40);

function run(args: string[]) {
  let out = '';
  const sink = { write: (s: string) => ((out += String(s)), true) } as unknown as NodeJS.WritableStream;
  const code = main(args, sink, sink);
  return { code, out };
}

/** mulberry32: a small seeded generator, so a failing sequence can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

/** The code files opened (every read goes through openSync): proves which files a run left unread. */
const stacks = new Map<string, string>();
function watchOpens(under: string) {
  const real = fs.openSync;
  let opened: string[] = [];
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    if (String(path).startsWith(under)) {
      opened.push(String(path));
      if (process.env.CACHE_DEBUG) stacks.set(String(path), new Error().stack!.split('\n').slice(2, 12).join('\n'));
    }
    return (real as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  syncBuiltinESMExports();
  return {
    take: () => [opened, (opened = [])][0]!,
    restore: () => {
      fs.openSync = real;
      syncBuiltinESMExports();
    },
  };
}

type Edit = (dir: string) => string;

/** The edits, each adding every path it writes, removes or writes through to `touched`. */
function edits(r: ReturnType<typeof prng>, touched: Set<string>): Edit[] {
  const touch = (path: string) => {
    touched.add(path);
    try {
      touched.add(fs.realpathSync(path));
    } catch {
      // Not there (yet, or any more).
    }
    return path;
  };
  const write = (path: string, text: string | Buffer) => writeFileSync(touch(path), text);
  /** The code files an edit may pick: regular files, or links to one (not directories, not dangling links). */
  const codesOf = (dir: string) => readdirSync(join(dir, 'codes')).filter((n) => n.endsWith('.yaml') && fs.statSync(join(dir, 'codes', n), { throwIfNoEntry: false })?.isFile()).sort();
  const names = (dir: string) => codesOf(dir).map((n) => n.replace(/\.yaml$/, ''));
  const someFile = (dir: string) => join(dir, 'codes', r.pick(codesOf(dir)));
  /** A code that exists, or one that does not. */
  const target = (dir: string) => (r.int(3) ? r.pick(names(dir)) : `missing_code_${r.int(5)}`);
  const change = (path: string, f: (text: string) => string) => write(path, f(readFileSync(path, 'utf8')));
  const field = (key: string, value: string) => (t: string) =>
    new RegExp(`^${key}:.*$`, 'm').test(t) ? t.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`) : `${t}${key}: ${value}\n`;
  let fresh = 0;
  return [
    (d) => { const p = someFile(d); change(p, field('category', r.pick(['auth', 'server', 'nowhere']))); return `category of ${p}`; },
    (d) => { const p = someFile(d); change(p, field('status', r.pick(['400', '404', '429', '500', '999']))); return `status of ${p}`; },
    (d) => { const p = someFile(d); change(p, field('summary', `See [that one](#${target(d)}) first.`)); return `link in ${p}`; },
    (d) => { const p = someFile(d); change(p, (t) => `${t.replace(/^related:[\s\S]*$/m, '')}related:\n  - code: ${target(d)}\n    note: Easily confused.\n`); return `related in ${p}`; },
    (d) => { const p = someFile(d); change(p, (t) => `${t}lifecycle: { state: deprecated, since: 2026-02-01, replacement: ${target(d)} }\n`); return `lifecycle in ${p}`; },
    (d) => { const p = someFile(d); change(p, field('code', r.pick([r.pick(names(d)), r.pick(names(d)).toUpperCase(), `renamed_code_${r.int(4)}`, 'auth', 'response-shape']))); return `code of ${p}`; },
    (d) => { const p = someFile(d); change(p, (t) => `${t.replace(/^related:[\s\S]*$/m, '')}related:\n  - code: ${basename(p, '.yaml')}\n    note: Itself.\n`); return `related to itself in ${p}`; },
    (d) => { const p = someFile(d); change(p, field('message', `See [the shape](#${r.pick(['response-shape', 'auth', 'no-such-section'])}).`)); return `section link in ${p}`; },
    (d) => { const p = someFile(d); write(p, r.pick(['', 'code: [1, 2]\n', '- a list\n', 'code: only_a_code\n'])); return `odd document in ${p}`; },
    (d) => { const p = someFile(d); rmSync(touch(p)); fs.symlinkSync(someFile(d), p); return `link at ${p}`; },
    (d) => { const p = join(d, 'codes', `folder_${fresh++}.yaml`); fs.mkdirSync(touch(p)); return `directory ${p}`; },
    (d) => { const p = someFile(d); write(join(d, 'codes', `copy_${fresh++}.yaml`), readFileSync(p)); return `duplicate of ${p}`; },
    (d) => { const p = someFile(d); change(p, (t) => `${t}broken: [unclosed\n`); return `YAML error in ${p}`; },
    (d) => { const p = someFile(d); change(p, (t) => t.replace(/^recovery:/m, 'recoveryy:')); return `missing recovery in ${p}`; },
    (d) => { const p = someFile(d); rmSync(touch(p)); return `deleted ${p}`; },
    (d) => { const p = someFile(d); renameSync(touch(p), touch(join(d, 'codes', `moved_${fresh++}.yaml`))); return `renamed ${p}`; },
    (d) => { const c = `added_code_${fresh++}`; write(join(d, 'codes', `${c}.yaml`), `code: ${c}\nstatus: 404\ncategory: not_found\nsummary: Added. See [it](#${target(d)}).\nwhen: Now.\nrecovery: Retry.\n`); return `added ${c}`; },
    (d) => { const p = someFile(d); change(p, (t) => t); return `rewrote ${p} unchanged`; },
    (d) => { change(join(d, 'catalog.yaml'), (t) => (t.includes('  - { id: server, title: Server }\n') ? t.replace('  - { id: server, title: Server }\n', '') : t.replace('categories:\n', 'categories:\n  - { id: server, title: Server }\n'))); return 'catalog.yaml: category server toggled'; },
    (d) => { change(join(d, 'catalog.yaml'), (t) => (t.includes('rules:') ? t.replace(/rules:.*\n/, '') : `${t}rules: { schema-comment: off }\n`)); return 'catalog.yaml: rule settings toggled'; },
    (d) => { change(join(d, 'shipped.yaml'), (t) => { const lines = t.split('\n').filter(Boolean); lines.splice(r.int(lines.length), 1); return `${lines.join('\n')}\n`; }); return 'lock: an entry removed'; },
    (d) => { change(join(d, 'shipped.yaml'), (t) => `${t}ghost_code_${fresh++}: { status: [404], category: not_found }\n`); return 'lock: an entry for a missing code'; },
  ];
}

test('after every edit of a random sequence, check --cache reports exactly what a full check reports', async () => {
  const dir = generateCatalog(mkdtempSync(join(tmpdir(), 'errcat-incremental-')), 200, { shipped: true });
  const cache = mkdtempSync(join(tmpdir(), 'errcat-incremental-cache-'));
  const args = ['check', dir, '--cache', '--cache-location', cache];
  // Statuses younger than RACY_MS are not trusted: let the generated files age, as a checkout's have.
  await new Promise((ok) => setTimeout(ok, RACY_MS + 500));
  const r = prng(SEED);
  const touched = new Set<string>();
  const all = edits(r, touched);
  const opens = watchOpens(join(dir, 'codes'));
  /** Files a link in codes/ points at: the loader reads them through the link, which is read on every run. */
  const linkedTo = () => new Set(readdirSync(join(dir, 'codes')).flatMap((n) => {
    const p = join(dir, 'codes', n);
    try {
      return fs.lstatSync(p).isSymbolicLink() ? [fs.realpathSync(p)] : [];
    } catch {
      return [];
    }
  }));
  try {
    assert.equal(run(args).code, 0, 'the generated catalog is clean');
    const log: string[] = [];
    let incremental = 0;
    for (let step = 0; step < STEPS; step++) {
      const done: string[] = [];
      for (let k = 1 + r.int(3); k > 0; k--) done.push(all[r.int(all.length)]!(dir));
      log.push(...done);
      opens.take();
      stacks.clear();
      const cached = run(args);
      const opened = opens.take();
      const openedBy = new Map(stacks);
      const full = run(['check', dir]);
      const context = `seed ${SEED}, step ${step}, after: ${log.slice(-3).join('; ')}`;
      if (cached.out !== full.out) {
        // The lines one report has and the other lacks, not two reports of 200 codes.
        const only = (a: string, b: string) => a.split('\n').filter((l) => !b.split('\n').includes(l));
        assert.deepEqual({ cached: only(cached.out, full.out), full: only(full.out, cached.out) }, { cached: [], full: [] }, context);
        assert.equal(cached.out, full.out, `${context}: the same lines in another order`);
      }
      assert.equal(cached.code, full.code, context);
      // A changed catalog.yaml makes every file count as changed; otherwise an untouched
      // file is read only to point at a problem in it.
      if (done.some((e) => e.startsWith('catalog.yaml:'))) continue;
      incremental++;
      const links = linkedTo();
      for (const path of new Set(opened)) {
        if (!touched.has(path) && !links.has(path)) assert.ok(full.out.includes(`${path}:`), `${context}: ${path} was read${process.env.CACHE_DEBUG ? `\n${openedBy.get(path)}` : ''}`);
      }
      if (process.env.CACHE_DEBUG) console.log(step, opened.length, log.slice(-2).join('; ').replaceAll(dir, ''));
    }
    assert.ok(incremental >= STEPS / 3, `only ${incremental} of ${STEPS} runs without a change to catalog.yaml`);
  } finally {
    opens.restore();
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});

test('a damaged, hostile or misplaced records file costs a full check, never a crash or another report', async () => {
  const dir = generateCatalog(mkdtempSync(join(tmpdir(), 'errcat-incremental-')), 20);
  // A finding of a catalog-scope rule in a file left unread: its text is read for the position.
  const dangling = join(dir, 'codes', readdirSync(join(dir, 'codes')).sort()[3]!);
  writeFileSync(dangling, `${readFileSync(dangling, 'utf8')}related:\n  - code: nowhere_code\n    note: Gone.\n`);
  const edited = join(dir, 'codes', readdirSync(join(dir, 'codes')).sort()[0]!);
  const original = readFileSync(edited, 'utf8');
  const cache = mkdtempSync(join(tmpdir(), 'errcat-incremental-cache-'));
  const outside = mkdtempSync(join(tmpdir(), 'errcat-incremental-outside-'));
  const args = ['check', dir, '--cache', '--cache-location', cache];
  await new Promise((ok) => setTimeout(ok, RACY_MS + 500));
  type Stored = { key: string; settings: string; files: Record<string, [string, string, { length: number; diagnostics: unknown[]; summary: { data?: Record<string, unknown> } }]> };
  const recordsFile = () => join(cache, readdirSync(cache).find((n) => n.endsWith('.files.json'))!);
  const json = (f: (r: Stored) => void) => (file: string) => {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    f(r);
    writeFileSync(file, JSON.stringify(r));
  };
  const everyRecord = (f: (rec: Stored['files'][string]) => void) => json((r) => Object.values(r.files).forEach(f));
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  const damages: [string, (file: string) => void][] = [
    ['not JSON', (f) => writeFileSync(f, '{"key": ')],
    ['an empty object', (f) => writeFileSync(f, '{}')],
    ['files: null', json((r) => ((r as { files: unknown }).files = null))],
    ['related not a list', everyRecord((rec) => rec[2].summary.data && (rec[2].summary.data.related = 'x'))],
    ['a code that is not a string', everyRecord((rec) => rec[2].summary.data && (rec[2].summary.data.code = 7))],
    ['data nested 5,000 deep', (f) => writeFileSync(f, readFileSync(f, 'utf8').replace(/"summary":\{/g, `"summary":{"deep":${deep(5000)},`))],
    ['data nested 100 deep', everyRecord((rec) => rec[2].summary.data && (rec[2].summary.data.when = JSON.parse(deep(100))))],
    ['a finding in another file', everyRecord((rec) => rec[2].diagnostics.push({ file: 'elsewhere.yaml', line: 1, col: 1, severity: 'error', rule: 'yaml-syntax', message: 'forged' }))],
    ['a finding with terminal escapes', everyRecord((rec) => rec[2].diagnostics.push({ file: 'x', line: 1, col: 1, severity: 'error', rule: 'yaml-syntax', message: '\u001b[2J' }))],
    ['a finding of no rule', json((r) => Object.entries(r.files).forEach(([p, rec]) => rec[2].diagnostics.push({ file: p, line: 1, col: 1, severity: 'error', rule: 'no-such-rule', message: 'forged' })))],
    ['a negative length', everyRecord((rec) => (rec[2].length = -1))],
    ['statuses that are not strings', everyRecord((rec) => ((rec as unknown[])[0] = 5))],
    ['digests of other texts', everyRecord((rec) => (rec[1] = '0'.repeat(64)))],
    ['a directory', (f) => { rmSync(f); fs.mkdirSync(f); }],
    ['a file past the size bound', (f) => fs.truncateSync(f, 65 * 1024 * 1024)],
  ];
  let toggle = 0;
  const editAndCompare = (what: string) => {
    writeFileSync(edited, toggle++ % 2 ? original : `${original}# edited\n`);
    const cached = run(args);
    const full = run(['check', dir]);
    assert.equal(cached.out, full.out, what);
    assert.equal(cached.code, full.code, what);
    assert.match(full.out, /related code "nowhere_code" does not exist/);
  };
  try {
    editAndCompare('first run');
    for (const [what, damage] of damages) {
      editAndCompare(`before: ${what}`);
      const file = recordsFile();
      damage(file);
      editAndCompare(what);
      rmSync(file, { recursive: true, force: true });
    }
    // Through a link: neither read nor written.
    editAndCompare('records again');
    const file = recordsFile();
    const planted = join(outside, 'planted.json');
    writeFileSync(planted, readFileSync(file, 'utf8').replace(/"diagnostics":\[\]/g, '"diagnostics":[{"file":"x","line":1,"col":1,"severity":"error","rule":"yaml-syntax","message":"planted"}]'));
    const before = readFileSync(planted, 'utf8');
    rmSync(file);
    fs.symlinkSync(planted, file);
    editAndCompare('a link');
    assert.equal(readFileSync(planted, 'utf8'), before, 'nothing written through the link');
    assert.ok(!fs.lstatSync(file).isSymbolicLink(), 'the link was replaced by the records');
  } finally {
    for (const d of [dir, cache, outside]) rmSync(d, { recursive: true, force: true });
  }
});

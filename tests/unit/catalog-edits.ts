// Random edits of a generated catalog, the ones that move findings between files: fields,
// duplicated and renamed codes, broken related codes and links, YAML errors, files added,
// deleted and renamed, catalog.yaml and the lock. The checks that keep per-file findings
// (check --cache: cache-incremental.test.ts; two threads: check-parallel.test.ts) must
// report after any of them what a full check reports.
import fs, { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** mulberry32: a small seeded generator, so a failing sequence can be replayed. */
export function prng(seed: number) {
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
export type Edit = (dir: string) => string;

/** The edits, each adding every path it writes, removes or writes through to `touched`. */
export function edits(r: ReturnType<typeof prng>, touched: Set<string>): Edit[] {
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
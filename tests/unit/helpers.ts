// Test helpers: copy a fixture catalog to a temporary directory and edit it there.
import { cpSync, mkdirSync, rmSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export type Edit = [file: string, find: string | RegExp | typeof DELETE, replace: string];

/** As `find`: remove the file. */
export const DELETE = Symbol('delete');

export function mutateFixture(fixture: string, edits: Edit[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-'));
  cpSync(fixture, dir, { recursive: true });
  for (const [file, find, replace] of edits) {
    const path = join(dir, file);
    if (find === DELETE) {
      rmSync(path);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const next = text.replace(find, replace);
    if (next === text) throw new Error(`edit did not apply to ${file}: ${find}`);
    writeFileSync(path, next);
  }
  return dir;
}

/** Every file below `dir` with its content, to prove a run changed nothing. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** The mini fixture with `error.x` moved into `errors[].x`, examples included. */
export const MINI_ERRORS_ARRAY: Edit[] = [
  ['catalog.yaml', /error\./g, 'errors[].'],
  ['catalog.yaml', '{ "error": { "code": "thing_not_found", "message": "No thing.", "docs_url": "https://docs.mini.test/errors#thing_not_found" } }',
    '{ "errors": [{ "code": "thing_not_found", "message": "No thing.", "docs_url": "https://docs.mini.test/errors#thing_not_found" }] }'],
  ['codes/rate_limited.yaml', 'name: error.limit', 'name: errors[].limit'],
  ['codes/thing_not_found.yaml', '"error": {', '"errors": [{'], ['codes/thing_not_found.yaml', '        }\n      }', '        }]\n      }'],
  ['codes/rate_limited.yaml', '"error": {', '"errors": [{'], ['codes/rate_limited.yaml', '        }\n      }\n  - lang: json', '        }]\n      }\n  - lang: json'],
];

/** A rule example's catalog (src/rules/rule.ts): its files written over its fixture (tests/fixtures/mini unless given); the catalog's directory. */
export function materialise(files: Record<string, string | null>, fixture = { dir: 'tests/fixtures/mini', catalog: '.' }): string {
  const root = mkdtempSync(join(tmpdir(), 'errcat-rule-'));
  cpSync(fixture.dir, root, { recursive: true });
  const dir = join(root, fixture.catalog);
  for (const [file, text] of Object.entries(files)) {
    const path = join(dir, file);
    if (text === null) rmSync(path, { force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  return dir;
}

/** A copy of `data` with one change at a random place: a value replaced or added, a key removed, keys reordered. */
export function mutate(data: unknown, [pick, action, key, value]: [number, number, string, unknown]): unknown {
  const places: unknown[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'object' && v !== null) {
      places.push(v);
      for (const c of Object.values(v)) walk(c);
    }
  };
  const copy = structuredClone(data);
  walk(copy);
  const target = places[pick % places.length] as Record<string, unknown> | unknown[];
  const keys = Object.keys(target);
  const existing = keys.length ? keys[pick % keys.length]! : key;
  // An empty sequence gets an item: no YAML gives an array a named member.
  if (action === 0 && Array.isArray(target) && !keys.length) target.push(value);
  else if (action === 0) (target as Record<string, unknown>)[existing] = value;
  else if (action === 1 && !Array.isArray(target)) Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  else if (action === 2) delete (target as Record<string, unknown>)[existing];
  else if (!Array.isArray(target)) {
    // Keys in another order.
    const entries = Object.entries(target).reverse();
    for (const k of keys) delete target[k];
    for (const [k, v] of entries) target[k] = v;
  } else target.push(value);
  return copy;
}

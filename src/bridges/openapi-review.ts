// The OpenAPI side of a review against a git base: which codes the API's OpenAPI
// document declares, operation by operation, that it did not declare at the base, and
// which it no longer declares. Both sides are read file by file ($refs followed) under
// the same confinement as the check; the base through `git show`.
import { ownModuleUrl } from '../own-module.ts';
import { realpathSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { insideRoot, readConfined } from '../load/confined.ts';
import { displayPath } from '../load/load.ts';
import { declaredCodes, openapiLimits, openapiTarget, readyText, yamlShapeProblem } from './openapi.ts';
import type { DocFile } from './openapi-tree.ts';
import { walkableFile } from './openapi-yaml-node.ts';
import type { DocSource } from './openapi-walk.ts';
import { runSync } from './run-sync.ts';
import type { CatalogFile } from '../model/schema.ts';

export interface OpenapiChanges {
  document: string;
  base: string;
  /** `GET /orders 422 out_of_stock`: declared now, not at the base. */
  added: string[];
  removed: string[];
}

export interface OpenapiChangesInput {
  ref: string;
  dir: string;
  catalog: CatalogFile;
  cliPath?: string;
  /** `--openapi-max-mb`. */
  maxMb?: number;
}

/**
 * Both sides are parsed (with `yaml` positions) in a worker, within the check's time and
 * memory bound for OpenAPI documents: a document too large for it is reported by the
 * check itself (openapi-file), and the review then has no OpenAPI side.
 */
export function openapiChanges(ref: string, dir: string, catalog: CatalogFile, cliPath?: string, maxMb?: number): OpenapiChanges | undefined {
  if (openapiTarget(dir, catalog, cliPath) === undefined) return undefined;
  const result = runSync<OpenapiChangesInput, OpenapiChanges | undefined>(ownModuleUrl('./openapi-review-worker.ts', import.meta.url), { ref, dir, catalog, cliPath, maxMb }, openapiLimits(maxMb));
  return result.ok ? result.value : undefined;
}

/** openapiChanges in this thread (the worker's side). */
export function readOpenapiChanges({ ref, dir, catalog, cliPath, maxMb }: OpenapiChangesInput): OpenapiChanges | undefined {
  const target = openapiTarget(dir, catalog, cliPath);
  if (!target) return undefined;
  const { maxBytes } = openapiLimits(maxMb);
  const head = headSide(target.path, target.root, maxBytes);
  if (!head) return undefined;
  const base = baseSide(ref, target.path, maxBytes);
  const now = declaredCodes(head.root, head.source, catalog);
  const before = base ? declaredCodes(base.root, base.source, catalog) : new Set<string>();
  return {
    document: displayPath(target.path),
    base: ref,
    added: [...now].filter((d) => !before.has(d)).sort(),
    removed: [...before].filter((d) => !now.has(d)).sort(),
  };
}

/** A file the check refuses before parsing (too deep, too many values) is not parsed here either. */
function shallowDocFile(path: string, text: string): DocFile | undefined {
  const ready = readyText(text);
  return 'problem' in ready ? undefined : walkableFile(path, text, ready.json, ready.yaml, yamlShapeProblem);
}

function cached(read: (key: string) => DocFile | undefined) {
  const files = new Map<string, DocFile | undefined>();
  const keys = new Map<DocFile, string>();
  const get = (key: string) => {
    if (!files.has(key)) {
      const f = read(key);
      files.set(key, f);
      if (f) keys.set(f, key);
    }
    return files.get(key);
  };
  return { get, keyOf: (f: DocFile) => keys.get(f)! };
}

function headSide(path: string, root: string, maxBytes: number): { root: DocFile; source: DocSource } | undefined {
  const files = cached((real) => {
    try {
      return shallowDocFile(displayPath(real), readConfined(real, root, maxBytes));
    } catch {
      return undefined;
    }
  });
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined; // a missing document: the check reports it (openapi-file)
  }
  const rootFile = files.get(real);
  if (!rootFile) return undefined;
  const source: DocSource = {
    resolve(from, rel) {
      try {
        const real = realpathSync(join(dirname(files.keyOf(from)), rel));
        return insideRoot(real, realpathSync(root)) ? files.get(real) : undefined;
      } catch {
        return undefined;
      }
    },
  };
  return { root: rootFile, source };
}

function baseSide(ref: string, path: string, maxBytes: number): { root: DocFile; source: DocSource } | undefined {
  const git = (args: string[]) =>
    process.getBuiltinModule('node:child_process').execFileSync('git', args, { cwd: dirname(path), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: maxBytes });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
  // Paths inside the repository, as git names them; nothing above its top is read.
  const files = cached((key) => {
    if (key.startsWith('..') || posix.isAbsolute(key)) return undefined;
    try {
      return shallowDocFile(`${ref}:${key}`, git(['show', `${ref}:${key}`]));
    } catch {
      return undefined;
    }
  });
  const rootFile = files.get(relative(realpathSync(top), realpathSync(path)).split('\\').join('/'));
  if (!rootFile) return undefined;
  return { root: rootFile, source: { resolve: (from, rel) => files.get(posix.normalize(posix.join(posix.dirname(files.keyOf(from)), rel))) } };
}

export function formatOpenapiChanges(c: OpenapiChanges): string {
  if (!c.added.length && !c.removed.length) return `OpenAPI ${c.document}: the same codes as at ${c.base}`;
  return [`OpenAPI ${c.document} against ${c.base}:`, ...c.added.map((d) => `  + ${d}`), ...c.removed.map((d) => `  - ${d}`)].join('\n');
}

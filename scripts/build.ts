// Build the site without ever leaving a half-written dist/: check the catalog, build into
// a temporary directory beside the target, and swap it into place only on success.
//
//   node scripts/build.ts [--catalog DIR] [--out DIR]
//
// Defaults: --catalog $CATALOG_DIR or ./catalog, --out ./dist.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCatalog } from '../src/catalog/check.ts';
import { hasErrors } from '../src/catalog/diagnostics.ts';
import { text } from '../src/reporters/text.ts';
import { catalogDir } from '../src/config.ts';

const { values } = parseArgs({ options: { catalog: { type: 'string' }, out: { type: 'string', default: 'dist' } } });
const dir = catalogDir(values.catalog);
const out = resolve(values.out);
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

// 1. The check, exactly as `errcat check` prints it.
const result = checkCatalog(dir);
process.stderr.write(text.format({ diagnostics: result.diagnostics, codeCount: result.codeCount, docsUrl: result.docsUrl }));
if (hasErrors(result.diagnostics)) {
  process.stderr.write(`build: not building; ${out} left as it was.\n`);
  process.exit(1);
}

// 2. Build into a temporary directory next to the target (same filesystem: rename is atomic).
const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const build = spawnSync(process.execPath, [astro, 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CATALOG_DIR: dir, OUT_DIR: tmp },
});
if (build.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  process.stderr.write(`build: astro build failed; ${out} left as it was.\n`);
  process.exit(build.status ?? 1);
}

// 3. Swap.
const old = `${tmp}.old`;
if (existsSync(out)) renameSync(out, old);
renameSync(tmp, out);
rmSync(old, { recursive: true, force: true });
process.stderr.write(`build: ${out} updated from ${dir}\n`);

// Build the site without ever leaving a half-written or unverified dist/: check the
// catalog, build into a staging directory beside the target, verify the built HTML and
// exports against the catalog (src/build/verify.ts), and only then swap it into place
// (src/build/swap.ts: a crash at any point leaves the old or the new complete site, and
// the next build cleans up after it).
//
//   node scripts/build.ts [--catalog DIR] [--out DIR]
//
// Defaults: --catalog $CATALOG_DIR or ./catalog, --out ./dist.
// --out is replaced whole, so it must be absent, empty or a previous build (src/build/target.ts).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { recover, stagingDir, swapIn, discard } from '../src/build/swap.ts';
import { BUILD_MARKER, BUILD_MARKER_TEXT, refuseContents, refusePlace } from '../src/build/target.ts';
import { verifySite } from '../src/build/verify.ts';
import { checkCatalog } from '../src/check/check.ts';
import { hasErrors, sortDiagnostics } from '../src/load/diagnostics.ts';
import { text, textLines } from '../src/reporters/text.ts';
import { catalogDir } from '../src/config.ts';

const { values } = parseArgs({ options: { catalog: { type: 'string' }, out: { type: 'string', default: 'dist' } } });
const dir = catalogDir(values.catalog);
const out = resolve(values.out);
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** A target the swap must not replace: say why and touch nothing (exit 2, a misuse). */
function refuse(reason: string | undefined): void {
  if (reason === undefined) return;
  process.stderr.write(`build: refusing --out ${out}: ${reason}; nothing was touched.\n  hint: give a new or empty directory, or one a previous build wrote (default: dist)\n`);
  process.exit(2);
}

// 0. The target's place, then whatever a crashed or killed build left behind, then what
// is at the target now (recovery may have put a previous build back).
refuse(refusePlace(out, [
  { path: root, what: 'the repository' },
  { path: process.cwd(), what: 'the working directory' },
  { path: dir, what: 'the catalog', noneInside: true },
]));
for (const line of recover(out)) process.stderr.write(`build: ${line} (left by an interrupted build)\n`);
refuse(refuseContents(out));

// 1. The check, exactly as `errcat check` prints it.
const result = checkCatalog(dir);
process.stderr.write(text.format({ diagnostics: result.diagnostics, codeCount: result.codeCount, docsUrl: result.docsUrl }));
if (hasErrors(result.diagnostics) || !result.model) {
  process.stderr.write(`build: not building; ${out} left as it was.\n`);
  process.exit(result.internalError ? 2 : 1);
}

// 2. Build into the staging directory.
const staging = stagingDir(out);
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const build = spawnSync(process.execPath, [astro, 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CATALOG_DIR: dir, OUT_DIR: staging },
});
if (build.status !== 0) {
  discard(staging);
  process.stderr.write(`build: astro build failed; ${out} left as it was.\n`);
  process.exit(build.status ?? 1);
}

// 3. Verify what was built, before anyone can be served it.
const problems = sortDiagnostics(verifySite(staging, result.model));
if (problems.length) {
  discard(staging);
  process.stderr.write(`${textLines(problems)}\n\nbuild: the built site breaks the contract (${problems.length} problem${problems.length === 1 ? '' : 's'}); ${out} left as it was.\n`);
  process.exit(1);
}

// 4. Mark the site as this build's (the next build may replace it: target.ts), and swap.
writeFileSync(join(staging, BUILD_MARKER), BUILD_MARKER_TEXT);
swapIn(staging, out);
process.stderr.write(`build: ${out} updated from ${dir} (verified: ${result.model.codes.length} codes)\n`);

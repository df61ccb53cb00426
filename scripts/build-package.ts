// npm run build:package (also `prepare`, which npm install and npm pack run): what the published package runs,
// JavaScript only (Node refuses to strip types under node_modules):
// - build/cli/: the CLI's bundle (scripts/build-cli.ts), which bin/errcat.js runs;
// - lib/: src/ compiled by tsc (tsconfig.package.json) into .js and .d.ts at the same places,
//   with the .astro components and the styles copied beside them. Relative paths between
//   modules (routes, ../../schema) hold as in src/, and imports of .ts name the .js.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

const LIB = 'lib';
const STAGING = `${LIB}.${process.pid}.tmp`;

/** `./x.ts` and `../x.ts` in quoted module specifiers become .js (what tsc does in .js files). */
export function jsSpecifiers(text: string): string {
  return text.replace(/(['"])(\.\.?\/[^'"\n]*)\.ts\1/g, '$1$2.js$1');
}

await import('./build-cli.ts');

// --noCheck: emit only. Types are checked by `npm run typecheck`; a type error must not
// fail `npm install` (prepare), and the output is the same either way.
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.package.json', '--noCheck', '--outDir', STAGING], { stdio: 'inherit' });
if (tsc.status !== 0) {
  rmSync(STAGING, { recursive: true, force: true });
  process.exit(tsc.status ?? 1);
}
// What tsc does not emit: components and pages (.astro) and styles, and .d.ts imports of .ts.
cpSync('src', STAGING, {
  recursive: true,
  filter: (src) => !/^src[\\/]content([\\/]|\.config\.ts$)/.test(src) && (!/\.\w+$/.test(src) || /\.(astro|css)$/.test(src)),
});
for (const file of readdirSync(STAGING, { recursive: true }).map(String)) {
  if (!/\.(astro|d\.ts)$/.test(file)) continue;
  const path = join(STAGING, file);
  writeFileSync(path, jsSpecifiers(readFileSync(path, 'utf8')));
}
// tsc takes a source named like errors.d.ts.ts for the declarations of a file errors.ts
// (arbitrary extensions) and emits nothing for it: those routes only lose their types.
for (const file of readdirSync('src', { recursive: true }).map(String)) {
  if (!/\.d\.\w+\.ts$/.test(file)) continue;
  const { code } = await transform(readFileSync(join('src', file), 'utf8'), { loader: 'ts', format: 'esm' });
  writeFileSync(join(STAGING, file.replace(/\.ts$/, '.js')), jsSpecifiers(code));
}
// Replaced whole: a removed source leaves no stale module behind.
rmSync(LIB, { recursive: true, force: true });
renameSync(STAGING, LIB);

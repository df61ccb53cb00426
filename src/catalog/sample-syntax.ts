// Code samples people copy must at least parse. TypeScript and JavaScript samples are
// parsed by esbuild (loaded only when a catalog has such a sample): TypeScript 7's own
// compiler is a native binary without an in-process parser.
import { createRequire } from 'node:module';

type Esbuild = typeof import('esbuild');
let esbuild: Esbuild | undefined;

const LOADERS: Record<string, 'ts' | 'js'> = { ts: 'ts', js: 'js' };

export function hasParser(lang: string): boolean {
  return lang in LOADERS;
}

/** The first syntax error of a sample, 1-based line and column, or undefined when it parses. */
export function syntaxError(lang: string, code: string): { message: string; line: number; col: number } | undefined {
  const loader = LOADERS[lang];
  if (!loader) return undefined;
  esbuild ??= createRequire(import.meta.url)('esbuild') as Esbuild;
  try {
    esbuild.transformSync(code, { loader, format: 'esm', logLevel: 'silent' });
    return undefined;
  } catch (err) {
    const first = (err as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    if (!first) return { message: (err as Error).message.split('\n')[0]!, line: 1, col: 1 };
    return { message: first.text, line: first.location?.line ?? 1, col: (first.location?.column ?? 0) + 1 };
  }
}

// Code samples people copy must at least parse. TypeScript and JavaScript samples are
// parsed by oxc-parser (tens of microseconds a sample, loaded only when a catalog has such
// a sample). TypeScript 7's compiler is a native binary without an in-process parser, and
// esbuild's synchronous API costs a round trip to its service per call (30 s for 10,000).
//
// oxc-parser is native code: a sample nested thousands of levels deep overflows its stack
// and kills the process (about 6,000 `(` with an 8 MB stack). So only samples far below
// that are parsed in this process; longer ones are parsed in a child process, all at once,
// and a crash there costs a diagnostic on the sample that caused it, found by halving.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { textPosition } from '../load/load.ts';
import { firstSyntaxError, type FirstError } from './sample-first-error.ts';

const require = createRequire(import.meta.url);

const LANGS: Record<string, 'ts' | 'js'> = { ts: 'ts', js: 'js' };
/** Longest sample parsed in this process: one sixth of the shortest that overflowed 8 MB of stack. */
export const IN_PROCESS_CHARS = 1000;
/** Child processes one check may start for long samples (a crash costs about log2(n) of them). */
const MAX_CHILDREN = 48;

export interface SampleError {
  message: string;
  line: number;
  col: number;
  hint?: string;
}
type Outcome = SampleError | null;

export function hasParser(lang: string): boolean {
  return Object.hasOwn(LANGS, lang);
}

/** The first syntax error of a sample in a language hasParser knows, parsed in this process. */
export function parseHere(lang: string, code: string): Outcome {
  return positioned(code, firstSyntaxError(LANGS[lang]!, code));
}

function positioned(code: string, first: FirstError | null): Outcome {
  return first && { message: first[0], ...textPosition(code, first[1]) };
}

/** A sample this process parses itself (longer ones are parsed apart, below). */
export function parsedInProcess(s: { lang: string; code: string }): s is { lang: 'ts' | 'js'; code: string } {
  return hasParser(s.lang) && s.code.length <= IN_PROCESS_CHARS;
}

/** What firstSyntaxError gives for a sample, when it was parsed already (by another thread); undefined when not. */
export type KnownErrors = (lang: 'ts' | 'js', code: string) => FirstError | null | undefined;

// The child reads [lang, code] pairs on stdin and answers [message, offset] or null for each.
const CHILD = `
const { parseSync } = await import(process.argv[1]);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map(([lang, code]) => {
  const e = parseSync('sample.' + lang, code, { lang, sourceType: 'module' }).errors[0];
  return e ? [e.message, e.labels[0]?.start ?? 0] : null;
});
process.stdout.write(JSON.stringify(out));
`;

/** Long samples, parsed out of process; undefined for each one a crash or the budget left unparsed. */
function parseApart(samples: [string, string][], budget: { children: number }): (Outcome | undefined)[] {
  if (!samples.length) return [];
  if (budget.children <= 0) return samples.map(() => undefined);
  budget.children--;
  const entry = pathToFileURL(require.resolve('oxc-parser')).href;
  // Loaded here, not at the top: most checks never start a child (about 10 ms of a cold start).
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, entry], {
    input: JSON.stringify(samples.map(([lang, code]) => [LANGS[lang], code])),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.status === 0) {
    const answers = JSON.parse(r.stdout) as ([string, number] | null)[];
    return answers.map((a, i) => (a ? { message: a[0], ...textPosition(samples[i]![1], a[1]) } : null));
  }
  if (samples.length === 1) return [{ message: 'nested too deeply to parse (the parser ran out of stack)', line: 1, col: 1, hint: 'a sample people copy is short and flat: split it, or show the shape in prose' }];
  const half = Math.ceil(samples.length / 2);
  return [...parseApart(samples.slice(0, half), budget), ...parseApart(samples.slice(half), budget)];
}

/**
 * The first syntax error of each sample (1-based line and column), null when it parses,
 * undefined when it was not parsed (a language without a parser, or too many crashes).
 * `known`: the first errors of samples parsed already, as parseHere would have found them.
 */
export function syntaxErrors(samples: { lang: string; code: string }[], known?: KnownErrors): (Outcome | undefined)[] {
  const here = (s: { lang: 'ts' | 'js'; code: string }) => {
    const first = known?.(s.lang, s.code);
    return first === undefined ? parseHere(s.lang, s.code) : positioned(s.code, first);
  };
  const out: (Outcome | undefined)[] = samples.map((s) => (parsedInProcess(s) ? here(s) : undefined));
  const long = samples.flatMap((s, i) => (hasParser(s.lang) && s.code.length > IN_PROCESS_CHARS ? [i] : []));
  const apart = parseApart(long.map((i) => [samples[i]!.lang, samples[i]!.code]), { children: MAX_CHILDREN });
  long.forEach((i, k) => (out[i] = apart[k]));
  return out;
}

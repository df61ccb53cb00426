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

/** oxc-parser's native binding: parseSync returns the result's fields as getters that each take theirs out of Rust. */
type Binding = { parseSync: (...a: Parameters<typeof import('oxc-parser').parseSync>) => { readonly errors: import('oxc-parser').OxcError[]; readonly program: string } };
let oxc: Binding | undefined;
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

/**
 * The package's parseSync (oxc-parser's src-js/index.js) wraps the binding's result, reading
 * its module and comments into objects and keeping its AST, as JSON, for a `program` getter
 * that this check never calls: about half of the cost of a short sample, and 10,000 of those
 * strings held until the next collection. Here only the errors are read, and the JSON is
 * taken (and dropped at once) so that it does not wait in Rust's memory for a finalizer.
 * The errors are the binding's own, as the package returns them (a test compares the two).
 */
export function parseHere(lang: string, code: string): Outcome {
  const ext = LANGS[lang]!;
  oxc ??= require('oxc-parser/src-js/bindings.js') as Binding;
  const result = oxc.parseSync(`sample.${ext}`, code, { lang: ext, sourceType: 'module' });
  const first = result.errors[0];
  void result.program;
  return first ? { message: first.message, ...textPosition(code, first.labels[0]?.start ?? 0) } : null;
}

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
 */
export function syntaxErrors(samples: { lang: string; code: string }[]): (Outcome | undefined)[] {
  const out: (Outcome | undefined)[] = samples.map((s) => (hasParser(s.lang) && s.code.length <= IN_PROCESS_CHARS ? parseHere(s.lang, s.code) : undefined));
  const long = samples.flatMap((s, i) => (hasParser(s.lang) && s.code.length > IN_PROCESS_CHARS ? [i] : []));
  const apart = parseApart(long.map((i) => [samples[i]!.lang, samples[i]!.code]), { children: MAX_CHILDREN });
  long.forEach((i, k) => (out[i] = apart[k]));
  return out;
}

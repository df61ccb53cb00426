// A large catalog's TypeScript and JavaScript samples parsed on another thread while this
// one validates the files and runs the rules before the example rules: 10,000 samples are
// about a tenth of a cold check, and the parse needs nothing but the samples' text. The
// thread parses each with the same function as this process (firstSyntaxError), and what
// it did not parse (a sample the rules see that was not among the files' data, or all of
// them if the thread failed) is parsed here: the findings are the same either way (a
// test compares them). A small catalog is parsed here: a thread costs more than it saves.
import type { LoadedCatalog } from '../load/load.ts';
import type { FirstError } from '../model/sample-first-error.ts';
import { parsedInProcess, type KnownErrors } from '../model/sample-syntax.ts';
import { ownModuleUrl } from '../own-module.ts';
import { startSync, type StartedSync } from './run-sync.ts';

export interface EarlySamples {
  samples: [lang: 'ts' | 'js', code: string][];
}

/** Fewer samples than this are parsed in this process. */
export const EARLY_SAMPLES = 1000;
// The main thread's stack (8 MB on Linux), on which sample-syntax.ts's length bound was measured.
const LIMITS = { timeoutMs: 60_000, maxMemoryMb: 256, stackMb: 8 };

const started = new WeakMap<LoadedCatalog, { samples: EarlySamples['samples']; run: StartedSync<EarlySamples, (FirstError | null)[]> }>();

/** Start parsing the samples of `loaded`'s code files on another thread, when there are at least `min` of them. */
export function startSampleParsing(loaded: LoadedCatalog, min = EARLY_SAMPLES): void {
  const samples: EarlySamples['samples'] = [];
  for (const file of loaded.codes) {
    const examples = (file.data as { examples?: unknown } | null | undefined)?.examples;
    if (!Array.isArray(examples)) continue;
    for (const e of examples as unknown[]) {
      const { lang, code } = (e ?? {}) as { lang?: unknown; code?: unknown };
      if (typeof lang === 'string' && typeof code === 'string' && parsedInProcess({ lang, code })) samples.push([lang as 'ts' | 'js', code]);
    }
  }
  if (samples.length < min) return;
  started.set(loaded, { samples, run: startSync(ownModuleUrl('./sample-syntax-worker.ts', import.meta.url), { samples }, LIMITS) });
}

/** What the thread started for `loaded` found, for syntaxErrors; undefined when none was started or it failed. */
export function takeSampleParsing(loaded: LoadedCatalog): KnownErrors | undefined {
  const early = started.get(loaded);
  if (!early) return undefined;
  started.delete(loaded);
  const answer = early.run.finish({});
  if (!answer.ok || answer.value.length !== early.samples.length) return undefined;
  const byLang = { ts: new Map<string, FirstError | null>(), js: new Map<string, FirstError | null>() };
  early.samples.forEach(([lang, code], i) => byLang[lang].set(code, answer.value[i]!));
  return (lang, code) => byLang[lang].get(code);
}

/** End a thread started for `loaded` that nothing took (the example rules did not run). */
export function stopSampleParsing(loaded: LoadedCatalog): void {
  started.get(loaded)?.run.stop();
  started.delete(loaded);
}

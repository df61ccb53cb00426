// Worker: the first syntax error of each sample it is given, as sample-syntax-early.ts asks.
import type { FirstError } from '../model/sample-first-error.ts';
import { firstSyntaxError } from '../model/sample-first-error.ts';
import type { EarlySamples } from './sample-syntax-early.ts';
import { serveSync } from './serve-sync.ts';

await serveSync<EarlySamples, (FirstError | null)[]>(async ({ samples }) => samples.map(([lang, code]) => firstSyntaxError(lang, code)));

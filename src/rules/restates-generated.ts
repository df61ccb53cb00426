import { statusText } from '../model/http.ts';
import { statusesOf } from '../model/model.ts';
import type { CodeFile } from '../model/schema.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { locateSnippet, truncate } from './shared/texts.ts';

// The prose of a code, shown on its card beside what the page generates from its fields:
// the status badges, the retry sentence (src/render/page.ts retryPlan) and the tables of
// extension values and headers.
const PROSE = [['when'], ['recovery'], ['retry', 'advice'], ['notes']] as const;

/** A table row restated in prose: most of its words (at least this share) in one sentence or list item. */
const SHARE = 0.8;
/** Rows shorter than this many words are too generic to call a restatement. */
const MIN_WORDS = 4;

interface Fact {
  /** Where the page shows the fact, for the message. */
  shown: string;
  /** The sentence is a restatement of the fact; `words` computes its words (once, and only for a fact that needs them). */
  restated: (text: string, words: () => Set<string>) => boolean;
  /**
   * A cheaper test, on a whole text as written (lines unjoined), that holds whenever a
   * sentence of it restates the fact (the default: `restated` itself, when it does).
   */
  mayBeIn?: (text: string) => boolean;
}

// Words that say nothing about a fact: two texts sharing only these are not the same.
const FILLER = new Set(['the', 'and', 'for', 'with', 'are', 'was', 'this', 'that', 'from', 'not', 'has', 'have', 'its', 'into', 'any', 'all', 'but']);

const wordsOf = (text: string) => new Set((text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).filter((w) => !FILLER.has(w)));

function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/** Sentences and list items of a Markdown text (without their list markers). */
function segmentsOf(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)|(?<=[.!?])\s+/)
    .map((s) => s.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, ''))
    .filter(Boolean);
}

/** A row of a generated table: restated by a sentence that holds most of its words. */
function row(shown: string, text: string): Fact[] {
  const words = wordsOf(text);
  if (words.size < MIN_WORDS) return [];
  return [{ shown, restated: (_, seg) => [...words].filter((w) => seg().has(w)).length >= SHARE * words.size }];
}

/** `prose`, when given: the code's prose texts; a badge whose status no text has a number of is left out. */
function factsOf(code: CodeFile, prose?: string[]): Fact[] {
  const facts: Fact[] = [];
  for (const s of statusesOf(code)) {
    if (prose && !prose.some((t) => t.includes(String(s)))) continue;
    const text = statusText(s);
    // Only a status with its reason phrase ("502 Bad Gateway") is the badge's text.
    if (text.includes(' ')) {
      facts.push({ shown: `the status badge "${text}"`, restated: (t) => t.toLowerCase().includes(text.toLowerCase()), mayBeIn: (t) => t.includes(String(s)) });
    }
  }
  if (code.retry.honour_retry_after) {
    facts.push({ shown: 'the retry sentence ("honouring `Retry-After`", from retry.honour_retry_after)', restated: (t) => /retry-after/i.test(t) });
  }
  for (const x of code.extensions ?? []) {
    for (const v of x.values ?? []) facts.push(...row(`the table of ${x.name} values (${v.value})`, v.meaning));
  }
  for (const h of code.headers ?? []) facts.push(...row(`the table of headers (${h.name})`, h.description));
  return facts;
}

export default defineRule({
  id: 'restates-generated',
  severity: 'warning',
  scope: 'file',
  description: 'A code\'s prose (when, recovery, retry advice, notes) says again what its card already shows from its fields: a status badge, the retry sentence, a row of its extension values or headers.',
  why: 'The card shows the generated fact anyway: said twice, it reads as padding, and the two copies drift apart when one is edited.',
  fix: 'Say it once: keep the field (the page renders it) and drop the sentence or list item from the prose, or say only what the field does not.',
  fail: { files: codeFile({ recovery: 'Sleep for `Retry-After` seconds.', retry: '{ when: always, honour_retry_after: true }' }) },
  pass: { files: codeFile({ recovery: 'Spread requests over the minute.', retry: '{ when: always, honour_retry_after: true }' }) },
  check(ctx, report) {
    for (const { data, file } of ctx.codes) {
      for (const { path, segment, flat, shown } of restatements(data)) {
        // The segment's first line, as written in the file, to point at it.
        const snippet = segment.split('\n')[0]!.slice(0, 40);
        report(file, locateSnippet(file, [...path], snippet), `${path.join('.')} restates ${shown}: ${truncate(flat)}`,
          'the card already shows this; drop it from the prose, or say only what the field does not');
      }
    }
  },
});

export interface Restatement {
  path: readonly string[];
  /** The sentence or list item as written, and on one line. */
  segment: string;
  flat: string;
  shown: string;
}

/**
 * Each sentence or list item of the code's prose that restates a fact its card shows.
 * `quick` (the check's way) tests each whole text first and skips the sentences of a text
 * no fact can be in; without it every sentence is tested, the slow way a test compares with.
 */
export function restatements(data: CodeFile, quick = true): Restatement[] {
  const out: Restatement[] = [];
  const texts = PROSE.map((path) => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data));
  const facts = factsOf(data, quick ? texts.filter((t) => typeof t === 'string') : undefined);
  if (!facts.length) return out;
  for (const [i, path] of PROSE.entries()) {
    const text = texts[i];
    if (typeof text !== 'string') continue;
    // A sentence is a piece of the text, so what no fact finds in the whole text (a
    // phrase, most of a row's words) it finds in no sentence: most texts stop here.
    const words = once(() => wordsOf(text));
    if (quick && !facts.some((f) => (f.mayBeIn ? f.mayBeIn(text) : f.restated(text, words)))) continue;
    for (const segment of segmentsOf(text)) {
      // One line: a phrase may be wrapped across lines of the YAML.
      const flat = segment.replace(/\s+/g, ' ');
      const flatWords = once(() => wordsOf(flat));
      const fact = facts.find((f) => f.restated(flat, flatWords));
      if (fact) out.push({ path, segment, flat, shown: fact.shown });
    }
  }
  return out;
}

// What a rule is: an id, a default severity, the page `errcat explain` prints (what,
// why, how to fix, a failing and a passing example) and, for most rules, its check.
// Every rule lives in its own file in this directory; index.ts lists them.
import type { Severity } from '../load/diagnostics.ts';
import type { SourceFile } from '../load/load.ts';
import type { RuleContext } from './context.ts';

/** A small catalog: files written over a base catalog (tests/fixtures/mini unless `fixture`); null deletes a file. */
export interface RuleExample {
  files: Record<string, string | null>;
  /** The directory the example starts from, when not tests/fixtures/mini, with the catalog's directory in it. */
  fixture?: { dir: string; catalog: string };
  /** For review rules: the base revision's files, in the same form (compared as with `--base`). */
  base?: Record<string, string | null>;
  /** What the example changes, when the files alone don't say it. */
  note?: string;
}

export type Report = (file: SourceFile, at: { line: number; col: number }, message: string, hint: string) => void;

export interface Rule<Id extends string = string> {
  id: Id;
  severity: Severity;
  /**
   * What `check --cache` may keep of the rule's findings (src/check/incremental.ts).
   * 'file': what it reports in a code file depends only on that file, catalog.yaml and the
   * run's options (such a rule is not shown the lock), so its findings are kept with the
   * file until one of them changes. 'catalog': it compares code files with each other or
   * with the lock (or reads beyond the catalog); it runs on every check, over the other
   * files' summaries (src/check/summary.ts), and must read nothing of a code file the
   * summary leaves out. Findings in catalog.yaml and the lock are made afresh on every run
   * whatever the scope.
   */
  scope: 'file' | 'catalog';
  /** One line: what the rule reports. */
  description: string;
  /** Why the rule exists: what goes wrong for readers or clients without it. */
  why: string;
  /** How to fix a diagnostic of this rule. */
  fix: string;
  fail: RuleExample;
  pass: RuleExample;
  /** Stability rules and invariants behind docs_url: a catalog cannot turn them off or down. */
  locked?: boolean;
  /** For rules whose logic is shared (load, schema, review): where they fire. */
  firesIn?: string;
  check?: (ctx: RuleContext, report: Report) => void;
}

export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

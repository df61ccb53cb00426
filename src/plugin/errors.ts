// A catalog that fails the check becomes one AstroError: the message carries the
// diagnostics exactly as `errcat check` prints them, so the terminal and the dev overlay
// show the same lines. Its `loc` is the first error's file and line: Astro's and Vite's
// overlays frame that and open it in the editor (not this file, where it is thrown).
import { resolve } from 'node:path';
import type { AstroError } from 'astro/errors';
import { userError } from './user-error.ts';
import type { CheckResult } from '../check/check.ts';
import { summaryLine } from '../reporters/reporter.ts';
import { textLines } from '../reporters/text.ts';
import { formatLinkProblems, type LinkProblem } from './links.ts';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export function catalogCheckError(result: CheckResult): AstroError & { loc?: SourceLocation } {
  const summary = summaryLine(result.diagnostics, result.codeCount);
  const error = userError(
    `The error catalog in ${result.dir} does not pass the check (${summary}):\n\n${textLines(result.diagnostics)}`,
    `Fix the problems above: each line is file:line:col, severity, rule, message and a hint. \`npx errcat check ${result.dir}\` prints the same list.`,
  );
  const first = result.diagnostics.find((d) => d.severity === 'error');
  return Object.assign(error, first ? { loc: { file: resolve(first.file), line: first.line, column: first.col } } : {});
}

export function siteLinksError(problems: LinkProblem[]): AstroError {
  return userError(
    `${problems.length} link${problems.length === 1 ? '' : 's'} between the error catalog and the site do not resolve:\n\n${formatLinkProblems(problems)}`,
    'Fix the link in the catalog or the docs page named on each line; a code is linked as <errors page>#<code>.',
  );
}

/**
 * The plugin given to Astro's `integrations` (a site without Starlight, or the plugin put
 * in the wrong list): Astro would run none of its hooks and build a site without the page.
 */
export function notInStarlightError(): AstroError {
  return userError(
    'starlightErrorCatalog() is a Starlight plugin, but it was added to Astro\'s `integrations`, where it cannot add the errors page.',
    'Install Starlight (`npm install @astrojs/starlight`) and pass the plugin to it instead: `integrations: [starlight({ title: ..., plugins: [starlightErrorCatalog()] })]` in astro.config.mjs.',
  );
}

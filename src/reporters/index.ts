// The output formats, by name: what `--format` accepts.
import { github } from './github.ts';
import { json } from './json.ts';
import { markdown } from './markdown.ts';
import type { Reporter } from './reporter.ts';
import { sarif } from './sarif.ts';
import { text } from './text.ts';

export const REPORTERS = { text, json, github, markdown, sarif } as const satisfies Record<string, Reporter>;
export type FormatName = keyof typeof REPORTERS;

export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(REPORTERS, name);
}

export { summaryLine, type Reporter, type Run } from './reporter.ts';
export { githubData, githubProperty, markdownCode, plainText } from './escape.ts';

// The manual's CLI page, from the usage text `errcat --help` prints (src/cli/help.ts), whose
// options are also those the commands accept: a new option appears here by itself.
import { COMMANDS, USAGE, commandUsage, optionsOf, type Command } from '../../src/cli/help.ts';
import { fence, page } from './markdown.ts';

function command(name: Command): string[] {
  return [
    `## errcat ${name}`,
    '',
    fence(commandUsage(name), 'text'),
    '',
    `Options: ${optionsOf(name).map((o) => `\`${o}\``).join(', ')}.`,
    '',
  ];
}

export function cliPage(base: string): string {
  return page('errcat command line', 'Every errcat command and option, as errcat --help prints them.', [
    'Run `npx errcat` in a project that installed `starlight-error-catalog`. The catalog',
    'directory defaults to `$CATALOG_DIR`, else `./catalog`. Exit status: 0 clean, 1 problems',
    'found, 2 misuse. What the check does with its options is in',
    `[The check](${base}guides/check/) and [Reviewing a pull request](${base}guides/review/).`,
    '',
    fence(USAGE, 'text'),
    '',
    ...(Object.keys(COMMANDS) as Command[]).flatMap(command),
  ], 'src/cli/help.ts');
}

export const COMMAND_NAMES = Object.keys(COMMANDS) as Command[];
export { optionsOf };

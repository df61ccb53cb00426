// The manual's CLI page, from the usage text `errcat --help` prints (src/cli/help.ts), whose
// options are also those the commands accept: a new option appears here by itself.
import { COMMANDS, type Command } from '../../src/cli/help.ts';
import { cell, page } from './markdown.ts';

interface Entry {
  /** `init [dir]` or `--name <name>`. */
  usage: string;
  text: string;
}

/** A command's usage lines read back: its forms (2-space indent) and options (`--`), each with its text. */
export function usageEntries(usage: string): { forms: Entry[]; options: Entry[] } {
  const forms: Entry[] = [];
  const options: Entry[] = [];
  let last: Entry | undefined;
  for (const line of usage.split('\n')) {
    // An option is `--name`, then `<arg>` or `a|b|c`; its text may follow a single space.
    const m = /^( +)(--[a-z-]+(?: (?:<[^>]+>|[a-z]+(?:\|[a-z]+)+))?) +(\S.*)$/.exec(line) ?? /^( +)(\S.*?)(?: {2,}(\S.*))?$/.exec(line);
    if (!m) continue;
    const [, indent, head, text] = m as unknown as [string, string, string, string | undefined];
    if (text === undefined && last && indent.length > 6) last.text += ` ${head}`; // a wrapped line
    else {
      last = { usage: head, text: text ?? '' };
      (head.startsWith('--') ? options : forms).push(last);
    }
  }
  return { forms, options };
}

function command(name: Command): string[] {
  const { forms, options } = usageEntries(COMMANDS[name]);
  return [
    `## errcat ${name}`,
    '',
    ...forms.flatMap((f) => [`\`errcat ${f.usage}\`: ${cell(f.text)}`, '']),
    ...(options.length ? ['| option | what it does |', '|---|---|', ...options.map((o) => `| \`${o.usage.replace(/\|/g, '\\|')}\` | ${cell(o.text)} |`), ''] : []),
    `\`errcat ${name} --help\` prints this command's usage.`,
    '',
  ];
}

export function cliPage(base: string): string {
  return page('errcat command line', 'Every errcat command and option, as errcat --help prints them.', [
    'Run `npx errcat` in a project that installed `starlight-error-catalog`: `errcat --help`',
    'lists the commands, `errcat <command> --help` one command\'s options, `errcat --version`',
    'its version. The catalog directory defaults to `$CATALOG_DIR`, else `./catalog`. Exit',
    'status: 0 clean, 1 problems found, 2 misuse (an unknown command or option gets a "did you',
    'mean"). What the check does with its options is in',
    `[The check](${base}guides/check/) and [Reviewing a pull request](${base}guides/review/).`,
    '',
    ...(Object.keys(COMMANDS) as Command[]).flatMap(command),
  ], 'src/cli/help.ts');
}

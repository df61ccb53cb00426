// What `errcat --help` and `errcat <command> --help` print. The options written here are
// also those "did you mean" offers for a mistyped one, so the help cannot leave one out.
import { closest } from '../load/suggest.ts';

/** Each command's lines of the usage text. */
export const COMMANDS = {
  init: `  init [dir]       start a catalog in dir (default: $CATALOG_DIR or ./catalog); never overwrites
      --name <name>        the API's name (default: "Example")
      --docs-url <url>     the https URL of the errors page (default: https://docs.example.com/errors)
      --from-openapi <file>  seed it with the codes the API's OpenAPI document declares, each
                           with its statuses; the texts to write are left as TODO: placeholders
      --code-field <path>  where the code sits in an error body (default: code, else error.code)
      --openapi-max-mb <n> read OpenAPI files up to n MB (default: 10; the memory bound grows with it)`,
  check: `  check [dir]      check the catalog (default: $CATALOG_DIR or ./catalog)
      --format text|json|github|markdown|sarif   output (default: text)
      --base <ref>         also review the change against the catalog at git <ref>
      --preview-url <url>  link codes in the review to the preview deployment of this change
      --artifact-url <url> without a preview, where the built site of this change is
      --max-chars <n>      longest Markdown report (details move out past it)
      --openapi <file>     compare the API's OpenAPI document with the catalog
                           (default: catalog.yaml's \`openapi\`)
      --openapi-max-mb <n> read OpenAPI files up to n MB (default: 10; the memory bound grows with it)
      --cache              print the last run's report when no catalog file changed
                           since (not a cache git tracks or reached through a link;
                           in CI only with ERRCAT_CACHE_IN_CI=1)
      --cache-location <dir>  where (implies --cache; default: node_modules/.cache/errcat)`,
  explain: `  explain <rule>   print a rule's page: what it reports, why, examples, how to fix
  explain --list   list every rule`,
  openapi: `  openapi [dir]    print the catalog as an OpenAPI 3.1 fragment (schemas + one response per status)
      --out <file>         write it to a file instead`,
  ship: `  ship [dir] [code...]  record codes as shipped in shipped.yaml (default: every unshipped code)
      --version <v>        the API version they ship in (default: catalog.yaml's \`version\`)
      --date <YYYY-MM-DD>  the day they ship (default: today, UTC)
      --backfill           instead of shipping, record --version (and --date, if given) on
                           shipped codes whose lock entry has no history (older locks)`,
  schema: '  schema           regenerate schema/*.schema.json from the catalog schema',
} as const;

export type Command = keyof typeof COMMANDS;

export const USAGE = `usage: errcat <command> [options]

commands:
${Object.values(COMMANDS).join('\n')}

  errcat <command> --help   that command's options
  errcat --version          errcat's version

exit status: 0 clean, 1 problems found, 2 misuse`;

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** `errcat <command> --help`. */
export function commandUsage(command: Command): string {
  return `usage: errcat ${COMMANDS[command].trimStart()}\n  -h, --help           this help\n\nexit status: 0 clean, 1 problems found, 2 misuse`;
}

/** `--help` or `-h` among the arguments before `--`. */
export function asksHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** The long options of a command, from its help. */
export function optionsOf(command: Command): string[] {
  return [...new Set([...COMMANDS[command].matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => `--${m[1]}`)), '--help'];
}

/** `; did you mean "x"?` for a mistyped name, or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const guesses = closest(name, candidates);
  return guesses.length ? `; did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?` : '';
}

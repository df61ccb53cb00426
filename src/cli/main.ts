// errcat: the command line of the error catalog. Exit 0 clean, 1 on problems, 2 on misuse.
import { parseArgs } from 'node:util';
import { CatalogDirError } from '../catalog/load.ts';
import { checkCatalog } from '../catalog/check.ts';
import { formatGithub, formatText, hasErrors, summaryLine } from '../catalog/diagnostics.ts';
import { catalogDir } from '../config.ts';
import { writeSchemas } from '../catalog/json-schema.ts';

const USAGE = `usage: errcat <command> [options]

commands:
  check [dir]      check the catalog (default: $CATALOG_DIR or ./catalog)
      --format text|json|github   output format (default: text)
  schema           regenerate schema/*.schema.json from the catalog schema

exit status: 0 clean, 1 problems found, 2 misuse`;

export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest, out);
      case 'schema': {
        parseArgs({ args: rest, options: {}, allowPositionals: false });
        for (const path of writeSchemas()) out.write(`wrote ${path}\n`);
        return 0;
      }
      case '-h':
      case '--help':
      case 'help':
        out.write(`${USAGE}\n`);
        return 0;
      default:
        err.write(`errcat: ${command ? `unknown command "${command}"` : 'no command given'}\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof CatalogDirError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`errcat: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

function check(args: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw Object.assign(new Error('check takes at most one directory'), { code: 'ERR_PARSE_ARGS_MISUSE' });
  const format = values.format;
  if (!['text', 'json', 'github'].includes(format)) {
    throw Object.assign(new Error(`unknown format "${format}" (text, json, github)`), { code: 'ERR_PARSE_ARGS_MISUSE' });
  }
  const result = checkCatalog(catalogDir(positionals[0]));
  const { diagnostics } = result;
  if (format === 'json') {
    out.write(`${JSON.stringify({ codes: result.codeCount, diagnostics }, null, 2)}\n`);
  } else if (format === 'github') {
    if (diagnostics.length) out.write(`${formatGithub(diagnostics)}\n`);
    out.write(`${summaryLine(diagnostics, result.codeCount)}\n`);
  } else {
    if (diagnostics.length) out.write(`${formatText(diagnostics)}\n\n`);
    out.write(`${summaryLine(diagnostics, result.codeCount)}\n`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));

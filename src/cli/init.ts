// `errcat init [dir]`: a starter catalog that passes the check at once: catalog.yaml with
// the API's name and docs_url, one example code and an empty lock, each starting with the
// schema comment editors complete from. It writes nothing when one of its files exists.
import { existsSync, lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { checkCatalog } from '../check/check.ts';
import { insideRoot } from '../load/confined.ts';
import { hasErrors, type Diagnostic } from '../load/diagnostics.ts';
import { CATALOG_FILE, CODES_DIR, LOCK_FILE, type CatalogSource } from '../load/load.ts';
import { textLines } from '../reporters/text.ts';
import { SCHEMA_DIR } from '../model/json-schema.ts';
import { catalogDir } from '../config.ts';
import { openapiMaxMb, parseArgs } from './args.ts';
import { catalogHead, q } from './init-head.ts';
import { codesFromOpenapi, type Seed } from './init-from-openapi.ts';
import { seededFiles } from './init-seed-files.ts';
import { misuse } from './misuse.ts';
import { packageVersion } from './version.ts';

export const INIT_OPTIONS = {
  name: { type: 'string', default: 'Example' },
  'docs-url': { type: 'string', default: 'https://docs.example.com/errors' },
  'from-openapi': { type: 'string' },
  'code-field': { type: 'string' },
  'openapi-max-mb': { type: 'string' },
} as const;

const EXAMPLE_CODE = 'resource_not_found';

export function init(args: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({ args, options: INIT_OPTIONS, allowPositionals: true });
  if (positionals.length > 1) throw misuse('init takes at most one directory');
  const name = apiName(values.name);
  const docsUrl = pageUrl(values['docs-url']);
  const dir = catalogDir(positionals[0]);
  // Shown as the user would type it: relative inside the working directory, else absolute.
  const rel = relative(process.cwd(), dir);
  const shown = rel.split(sep)[0] === '..' ? dir : rel || '.';
  for (const [path, what] of [[dir, shown], [join(dir, CODES_DIR), join(shown, CODES_DIR)]] as const) {
    const kind = lstatSync(path, { throwIfNoEntry: false });
    if (kind && !kind.isDirectory()) throw misuse(`${what} exists and is not a directory: init needs a directory to start the catalog in`, { brief: true });
  }
  for (const flag of ['code-field', 'openapi-max-mb'] as const) {
    if (values[flag] !== undefined && values['from-openapi'] === undefined) throw misuse(`--${flag} goes with --from-openapi`);
  }
  const maxMb = openapiMaxMb(values['openapi-max-mb']);
  const seed = values['from-openapi'] !== undefined ? codesFromOpenapi(values['from-openapi'], codeField(values['code-field']), maxMb) : undefined;
  if (seed && !seed.codes.length) {
    const problems = seed.problems.length ? `\nthe document has problems to fix first:\n${textLines(seed.problems.slice(0, 10))}` : '';
    throw misuse(`not written: ${values['from-openapi']} declares no codes at ${seed.codeField}${seed.skipped.length ? ` (only codes a catalog cannot hold: ${few(seed.skipped)})` : ''}; give --code-field, the path of the code in an error body (e.g. error.code)${problems}`, { brief: true });
  }
  const openapi = seed && openapiSetting(dir, values['from-openapi']!);
  const files = {
    ...(seed
      ? seededFiles(seed, { name, docsUrl, catalogSchema: schemaRef(dir, 'catalog.schema.json'), codeSchema: schemaRef(join(dir, CODES_DIR), 'code.schema.json'), openapi })
      : {
          [CATALOG_FILE]: catalogYaml(name, docsUrl, schemaRef(dir, 'catalog.schema.json')),
          [join(CODES_DIR, `${EXAMPLE_CODE}.yaml`)]: codeYaml(docsUrl, schemaRef(join(dir, CODES_DIR), 'code.schema.json')),
        }),
    [LOCK_FILE]: LOCK_YAML,
  };
  // Any entry at all, a dangling link too: init never writes over or through anything.
  const existing = Object.keys(files).filter((f) => lstatSync(join(dir, f), { throwIfNoEntry: false }));
  if (existing.length) {
    throw misuse(`not written: ${existing.map((f) => join(shown, f)).join(', ')} exists already (init never overwrites a file; give it another directory)`, { brief: true });
  }
  // Checked before anything is written: a name the page cannot show (raw HTML, a javascript:
  // link in its Markdown) is refused with the check's own diagnostics.
  const result = checkCatalog(dir, {}, inMemory(dir, files));
  // What the check finds in a seed's OpenAPI document is the document's to fix, not a
  // reason to withhold the catalog: it is reported after writing, as the check will.
  const inDocument = (d: Diagnostic) => seed !== undefined && !insideRoot(resolve(d.file), dir);
  if (hasErrors(result.diagnostics.filter((d) => !inDocument(d)))) {
    throw misuse(`not written: with these values the new catalog would fail the check:\n${textLines(result.diagnostics)}`, { brief: true });
  }
  try {
    mkdirSync(join(dir, CODES_DIR), { recursive: true });
    // wx: created here or not at all, should one appear meanwhile.
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text, { flag: 'wx' });
  } catch (e) {
    throw misuse(`could not write the catalog in ${shown}: ${(e as Error).message}`, { brief: true });
  }
  const arg = shown === 'catalog' ? '' : ` ${shown}`;
  if (seed) {
    // A document the check cannot read from the catalog's setting is named on each run.
    const checkArgs = openapi === undefined ? `${arg} --openapi ${values['from-openapi']}` : arg;
    out.write(seededReport(seed, files, shown, checkArgs, result.diagnostics.filter((d) => d.rule === 'text-to-write').length));
    const documentErrors = result.diagnostics.filter((d) => inDocument(d) && d.severity === 'error');
    const n = documentErrors.length;
    if (n) out.write(`\nthe check finds ${n} error${n === 1 ? '' : 's'} in the OpenAPI document, to fix there:\n${textLines(documentErrors)}\n`);
    return 0;
  }
  out.write(`wrote ${Object.keys(files).map((f) => join(shown, f)).join(', ')}

next:
  1. npx errcat check${arg}     check it, as your CI will
  2. add the plugin to astro.config.mjs: starlightErrorCatalog({ catalog: '${shown.split(sep).join('/')}' }) (see the README)
  3. replace ${EXAMPLE_CODE} with your API's codes, one file each in ${join(shown, CODES_DIR)}, then npx errcat check${arg} again
`);
  return 0;
}

/** What a seeded catalog holds and what is left to a person. */
function seededReport(seed: Seed, files: Record<string, string>, shown: string, arg: string, toWrite: number): string {
  const guessed = seed.codes.filter((c) => !c.statuses.length).map((c) => c.code);
  return `wrote ${join(shown, CATALOG_FILE)}, ${join(shown, LOCK_FILE)} and ${Object.keys(files).length - 2} code files in ${join(shown, CODES_DIR)}
  (${seed.codes.length} codes the document declares, code field ${seed.codeField})
${guessed.length ? `  status guessed for ${guessed.length} declared only under default, a range or a shared enum: ${few(guessed)}\n` : ''}${
  seed.skipped.length ? `  not seeded, no catalog can hold them as codes: ${few(seed.skipped)}\n` : ''}
next:
  1. npx errcat check${arg}     lists the ${toWrite} texts only you can write (warnings text-to-write)
  2. write them, one code file at a time, then npx errcat check${arg} again
  3. add the plugin to astro.config.mjs: starlightErrorCatalog({ catalog: '${shown.split(sep).join('/')}' }) (see the README)
`;
}

/** The first ten of a list, for one line. */
function few(list: string[]): string {
  return list.slice(0, 10).join(', ') + (list.length > 10 ? ', ...' : '');
}

/** catalog.yaml's `openapi`: the document relative to the catalog, if the check may read it from there (inside the catalog's parent). */
function openapiSetting(dir: string, doc: string): string | undefined {
  const path = resolve(doc);
  // Real paths, as the check compares them; a parent that does not exist yet holds nothing.
  if (!existsSync(dirname(dir)) || !insideRoot(realpathSync(path), realpathSync(dirname(dir)))) return undefined;
  return relative(dir, path).split(sep).join('/');
}

/** A dotted path of plain names, as the catalog's code_field. */
function codeField(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(value)) {
    throw misuse(`--code-field "${value}" is not a dotted path of names, e.g. error.code`, { brief: true });
  }
  return value;
}

/** The catalog `files` (paths relative to `dir`) as the check reads a directory. */
function inMemory(dir: string, files: Record<string, string>): CatalogSource {
  const inside = (p: string) => relative(dir, p).split(sep).join('/') || '.';
  return {
    isDir: (p) => inside(p) === '.' || inside(p) === CODES_DIR,
    list: (p) => Object.keys(files).filter((f) => dirname(f) === inside(p)).map((f) => basename(f)),
    read: (p) => files[inside(p)],
  };
}

/** One line of text: it is the site's and the errors page's title. */
function apiName(value: string): string {
  const name = value.trim();
  if (!name) throw misuse('--name is empty: give the API\'s name, e.g. --name "Acme"', { brief: true });
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(name)) throw misuse('--name must be one line of text, without control characters', { brief: true });
  if (name.length > 100) throw misuse(`--name is ${name.length} characters long: at most 100`, { brief: true });
  return name;
}

/** The errors page's address: https, no credentials, no fragment (each code adds #<code>). */
function pageUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw misuse(`--docs-url "${value}" is not a URL: give the errors page's address, e.g. https://docs.example.com/errors`, { brief: true });
  }
  if (url.protocol !== 'https:') throw misuse(`--docs-url must be an https URL, not ${url.protocol}`, { brief: true });
  if (url.username || url.password) throw misuse('--docs-url must not carry a user name or password', { brief: true });
  if (url.hash || url.search) throw misuse('--docs-url is the errors page itself, without ?query or #fragment (each code adds #<code>)', { brief: true });
  return url;
}

/** The $schema of a file in `dir`: a relative path to this package's schema when it lies in the project, else its published copy. */
function schemaRef(dir: string, file: string): string {
  if (relative(process.cwd(), SCHEMA_DIR).split(sep)[0] !== '..') return relative(dir, join(SCHEMA_DIR, file)).split(sep).join('/');
  return `https://unpkg.com/starlight-error-catalog@${packageVersion()}/schema/${file}`;
}

// JSON strings are YAML: any name or URL is quoted safely.
function catalogYaml(name: string, docsUrl: URL, schema: string): string {
  return `${catalogHead(name, docsUrl, schema, '^[a-z][a-z0-9_]*$')}envelope:
  id: response-shape
  title: The error response
  code_field: error.code
  docs_url_field: error.docs_url
  fields:
    - { name: error.code, type: string, notes: Stable identifier of the error. }
    - { name: error.message, type: string, notes: Human-readable; may change. }
    - { name: error.docs_url, type: string, notes: Link to the code's entry on this page. }
categories:
  - { id: not_found, title: Not found }
statuses:
  "404": The resource does not exist.
`;
}

function codeYaml(docsUrl: URL, schema: string): string {
  const body = JSON.stringify({ error: { code: EXAMPLE_CODE, message: 'No widget has the ID wid_123.', docs_url: `${docsUrl.href}#${EXAMPLE_CODE}` } }, null, 2);
  return `# yaml-language-server: $schema=${schema}
code: ${EXAMPLE_CODE}
status: 404
category: not_found
summary: No resource has this ID.
when: |
  The ID in the path names no resource, or one the caller cannot see.
recovery: |
  Check the ID; list the resources to find the right one.
retry:
  when: never
examples:
  - lang: json
    code: |
${body.replace(/^/gm, '      ')}
`;
}

const LOCK_YAML = `# Codes that have shipped, written by \`errcat ship\`. Do not edit by hand.
# A shipped code is never removed, renamed, or changed in status or category:
# mark it deprecated or retired (see \`lifecycle\`) and add a new code instead.
`;

// The manual (docs/, built by `npm run docs:build` into docs/dist) covers every rule, every
// CLI command and option and every catalog field, and the README's links resolve: links to
// files of the repository name files that exist, links into the manual name built pages
// (and, with a #fragment, an id on that page).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'parse5';
import { readPage } from '../../src/build/verify.ts';
import { COMMANDS, optionsOf, type Command } from '../../src/cli/help.ts';
import { catalogSchema, codeSchema } from '../../src/model/schema.ts';
import { optionsSchema } from '../../src/plugin/options.ts';
import { DOCUMENTED_RULES, rulePageUrl } from '../../src/rules/docs.ts';
import { fields } from '../../scripts/docs/catalog-page.ts';
import { DOCS_ROOT, MANUAL } from '../../scripts/docs/site.ts';

const DIST = join(DOCS_ROOT, 'dist');
const README_MAX_LINES = 250;

type TextNode = { nodeName: string; value?: string; childNodes?: TextNode[]; content?: TextNode };

/** The built page (docs/dist/<path>/index.html) of a manual URL, or undefined outside the manual. */
function builtPage(url: string): string | undefined {
  if (!url.startsWith(MANUAL.url)) return undefined;
  const path = url.slice(MANUAL.url.length).replace(/[#?].*$/, '');
  return join(DIST, path, path === '' || path.endsWith('/') ? 'index.html' : '');
}

/** What a reader reads on a built page: its text, entities decoded, whitespace collapsed. */
function pageText(file: string): string {
  const out: string[] = [];
  const stack: TextNode[] = [parse(readFileSync(file, 'utf8')) as unknown as TextNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out.push(n.value!);
    if (n.nodeName === 'script' || n.nodeName === 'style') continue;
    if (n.content) stack.push(n.content);
    for (let i = (n.childNodes?.length ?? 0) - 1; i >= 0; i--) stack.push(n.childNodes![i]!);
  }
  return out.join('').replace(/\s+/g, ' ');
}

/** Every link of a Markdown text that does not resolve, with why. */
function brokenLinks(markdown: string): string[] {
  const broken: string[] = [];
  for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
    const [, fragment] = target!.split('#') as [string, string | undefined];
    if (/^[a-z]+:/.test(target!)) {
      const page = builtPage(target!);
      if (page === undefined) continue; // another site: not ours to check
      if (!existsSync(page)) broken.push(`${target}: no built page ${page}`);
      else if (fragment && !readPage(readFileSync(page, 'utf8')).ids.has(decodeURIComponent(fragment))) broken.push(`${target}: no id "${fragment}" on ${page}`);
    } else if (!target!.startsWith('#') && !existsSync(target!.replace(/#.*$/, ''))) {
      broken.push(`${target}: no such file`);
    }
  }
  return broken;
}

test('the manual is built (npm run docs:build)', () => {
  assert.ok(existsSync(join(DIST, 'index.html')), `${DIST}/index.html is missing: run npm run docs:build first`);
});

test('every rule has its page in the manual, where its diagnostics link', () => {
  for (const rule of DOCUMENTED_RULES) {
    const page = builtPage(rulePageUrl(rule.id));
    assert.ok(page && existsSync(page), `${rule.id}: no page at ${rulePageUrl(rule.id)}`);
    // Code spans are rendered without their backticks (and the spaces padding them).
    const bare = (s: string) => s.replace(/[\s`]/g, '');
    const text = bare(pageText(page));
    for (const said of [rule.description, rule.why, rule.fix]) assert.ok(text.includes(bare(said)), `${rule.id}: ${said}`);
    assert.ok(text.includes(bare(`npx errcat explain ${rule.id}`)), `${rule.id}: the page names its explain command`);
  }
  const index = pageText(builtPage(`${MANUAL.url}rules/`)!);
  for (const rule of DOCUMENTED_RULES) assert.ok(index.includes(rule.id), `${rule.id} missing from the rules index`);
});

test('every CLI command and option is in the manual', () => {
  const file = builtPage(`${MANUAL.url}reference/cli/`)!;
  const [text, html] = [pageText(file), readFileSync(file, 'utf8')];
  for (const command of Object.keys(COMMANDS) as Command[]) {
    assert.ok(html.includes(`<h2 id="errcat-${command}">errcat ${command}</h2>`), `errcat ${command}: a heading of its own`);
    assert.ok(text.includes(`errcat ${command} --help`), `errcat ${command} --help`);
    // An option is a row of the table (`--list`, a form of `explain`, stands in its usage).
    for (const option of optionsOf(command).filter((o) => o !== '--help')) {
      assert.ok(html.includes(`<td><code dir="auto">${option}`) || text.includes(`errcat ${command} ${option}:`), `errcat ${command} ${option}`);
    }
  }
});

test('every catalog field is in the manual', () => {
  const text = pageText(builtPage(`${MANUAL.url}reference/catalog/`)!);
  const all = [...fields(catalogSchema), ...fields(codeSchema)];
  assert.ok(all.some((f) => f.path === 'retry.max_attempts') && all.some((f) => f.path === 'envelope.fields[].name'), 'nested fields are listed');
  for (const field of all) assert.ok(text.includes(field.path), field.path);
});

test("every option of the plugin is in the manual's plugin guide", () => {
  const html = readFileSync(builtPage(`${MANUAL.url}guides/plugin/`)!, 'utf8');
  for (const option of Object.keys(optionsSchema.unwrap().shape)) assert.ok(html.includes(`<td><code dir="auto">${option}</code></td>`), `${option}: a row of the options table`);
});

test("the README's set-up snippets are the manual's, verbatim (the packed-package test runs the README's)", () => {
  const readme = readFileSync('README.md', 'utf8');
  const manual = ['index', 'guides/getting-started', 'guides/plugin'].map((p) => readFileSync(join(DOCS_ROOT, 'src/content/docs', `${p}.md`), 'utf8')).join('\n');
  for (const marker of ['host-setup', 'host-astro-config']) {
    const block = new RegExp(`<!-- ${marker} -->\n(\`\`\`[\\s\\S]*?\`\`\`)\n<!-- /${marker} -->`).exec(readme)?.[1];
    assert.ok(block, `README.md has the ${marker} block`);
    assert.ok(manual.includes(block), `the manual shows the README's ${marker} block`);
  }
});

test(`the README is the door: at most ${README_MAX_LINES} lines, starting with the two set-up commands`, () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.ok(readme.split('\n').length <= README_MAX_LINES, `README.md has ${readme.split('\n').length} lines`);
  assert.match(readme, /^# .*\n\n```sh\nnpm install && npm run build && npm run preview .*\nnpm install && npm test /);
});

test("every link of the README resolves: files exist, the manual's pages were built", () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.ok(readme.includes(`](${MANUAL.url}rules/)`), 'the README links into the manual');
  assert.deepEqual(brokenLinks(readme), []);
  // The check sees a broken link of each kind.
  assert.deepEqual(brokenLinks(`[a](${MANUAL.url}rules/no-such-rule/) [b](${MANUAL.url}rules/#no-such-id) [c](no/such/file.md) [d](https://example.com/)`), [
    `${MANUAL.url}rules/no-such-rule/: no built page ${join(DIST, 'rules/no-such-rule/index.html')}`,
    `${MANUAL.url}rules/#no-such-id: no id "no-such-id" on ${join(DIST, 'rules/index.html')}`,
    'no/such/file.md: no such file',
  ]);
});

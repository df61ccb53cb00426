// Examples highlighted as CSS classes: the text survives exactly, every class used has a
// rule, and every colour keeps its contrast on the block's background in both themes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { coloursJson, contrast, escapeText, highlight, highlightCss, highlightLazily, pageColours } from '../../src/render/highlight.ts';
import { decodeRuns } from '../../src/render/client/highlight.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

test('every example of both catalogs keeps its text, with no inline style', async () => {
  for (const dir of ['catalog', 'examples/almyty/catalog']) {
    const model = checkCatalog(dir).model!;
    const examples = [
      ...model.codes.flatMap((c) => c.examples ?? []),
      ...(model.catalog.sections ?? []).flatMap((s) => s.examples ?? []),
      ...[model.catalog.envelope, ...(model.catalog.shapes ?? [])].flatMap((s) => (s.example ? [s.example] : [])),
    ];
    assert.ok(examples.length > 5);
    for (const e of examples) {
      const html = await highlight(e.code, e.lang);
      assert.equal(textOf(html), e.code.replace(/\n+$/, ''));
      assert.doesNotMatch(html, /style=/);
    }
  }
});

test('hostile example text stays text', async () => {
  const html = await highlight('{"a": "</code></pre><script>alert(1)</script>"}', 'json');
  assert.doesNotMatch(html, /<script|<\/pre/);
  assert.equal(textOf(html), '{"a": "</code></pre><script>alert(1)</script>"}');
});

test('every class used has a colour rule, and colours keep a 5.5:1 contrast', async () => {
  const css = await highlightCss();
  const samples = await Promise.all([
    highlight('const x: number = 1; // note\nfunction f() { return "s"; }', 'ts'),
    highlight('import os\nprint(f"{os.sep}")  # c', 'python'),
    highlight('HTTP/1.1 429 Too Many Requests\nRetry-After: 30\n\n{"a": [1, true, null]}', 'http'),
    highlight('curl -H "Authorization: Bearer $KEY" https://x.test', 'sh'),
  ]);
  for (const cls of new Set(samples.join('').match(/\b[ld]\d+\b/g))) assert.match(css, new RegExp(`\\.${cls}\\{color:#`), cls);
  const bg = (theme: 'light' | 'dark') => {
    const m = theme === 'light' ? /:root\[data-theme='light'\] \.ec-pre\{background:(#\w+)/.exec(css) : /^\.ec-pre\{background:(#\w+)/.exec(css);
    return m![1]!;
  };
  for (const [prefix, theme] of [['l', 'light'], ['d', 'dark']] as const) {
    const rules = [...css.matchAll(new RegExp(`\\.${prefix}\\d+\\{color:(#\\w+)\\}`, 'g'))];
    assert.ok(rules.length > 3);
    for (const [, color] of rules) assert.ok(contrast(color!, bg(theme)) >= 5.5, `${color} on ${bg(theme)}`);
  }
});

test('a remembered example is the same HTML, and an edited one is highlighted anew', async () => {
  const code = '{"error": {"code": "turn_not_found"}}';
  const first = await highlight(code, 'json');
  assert.equal(await highlight(code, 'json'), first);
  const edited = await highlight(code.replace('turn', 'memory'), 'json');
  assert.notEqual(edited, first);
  assert.equal(textOf(edited), code.replace('turn', 'memory'));
  // The same text in another language is another entry.
  assert.equal(textOf(await highlight(code, 'http')), code);
});

test('a large page\'s lazily painted examples get exactly the spans a small page is built with', async () => {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  let coloured = 0;
  for (const dir of ['catalog', 'examples/almyty/catalog']) {
    for (const e of checkCatalog(dir).model!.codes.flatMap((c) => c.examples ?? [])) {
      const lazy = await highlightLazily(e.code, e.lang);
      assert.match(lazy.runs, /^(\d+(-|[a-zA-Z_]{2}[+^]*))*$/);
      assert.doesNotMatch(lazy.text, /<span/);
      const painted = decodeRuns(unescape(lazy.text), lazy.runs)
        .map(([cls, text]) => (cls ? `<span class="${cls}">${escapeText(text)}</span>` : escapeText(text)))
        .join('');
      assert.equal(painted, lazy.runs ? await highlight(e.code, e.lang) : escapeText(e.code.replace(/\n+$/, '')));
      if (lazy.runs) coloured++;
    }
  }
  assert.ok(coloured > 10);
});

test('whitespace joins the coloured run before it instead of opening a span of its own', async () => {
  const html = await highlight('HTTP/1.1 409 Conflict', 'http');
  assert.match(html, /<span class="[^"]+">1\.1 409 <\/span>/);
  assert.doesNotMatch(html, /<\/span>\s+<span/);
  assert.doesNotMatch(html, /<span class="([^"]+)">[^<]*<\/span><span class="\1">/);
});

test('a large page\'s colours list each code\'s examples in the order the page shows them (a tab group where its first tab stands)', async () => {
  const model = checkCatalog('catalog').model!;
  const code = model.codes.find((c) => (c.examples ?? []).length >= 2)!;
  const [http, ts] = ['http', 'ts'].map((lang) => code.examples!.find((e) => e.lang === lang)!);
  const json = { lang: 'json' as const, code: '{ "a": [1, true, null] }\n' };
  // Listed TypeScript first: the page shows the tabs (HTTP, then TypeScript, as declared) there, then the JSON.
  const edited = { ...code, examples: [ts!, json, http!] };
  const colours = await pageColours([edited], [{ lang: 'http', label: 'HTTP' }, { lang: 'ts', label: 'TypeScript SDK' }]);
  const expected = await Promise.all([http!, ts!, json].map(async (e) => (await highlightLazily(e.code, e.lang)).runs));
  assert.ok(expected.every(Boolean), 'each example has colours');
  assert.equal(colours[code.code], expected.join(' '));
  // A code without examples takes no room.
  assert.deepEqual(await pageColours([{ ...code, examples: undefined }], undefined), {});
  // The JSON cannot end its <script> element early, whatever a code is called.
  assert.doesNotMatch(coloursJson({ '</script><b>': '1-' }), /</);
});

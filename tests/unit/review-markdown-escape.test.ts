// The review's Markdown carries pull-request text (codes, field names, statuses, texts,
// file names, URLs) into a comment GitHub renders: parsed as GitHub would (markdown-it
// with GFM tables), none of it may become HTML, an image, a notifying @mention, a table
// cell of its own, or end the code span it stands in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { plainText } from '../../src/reporters/escape.ts';
import type { CodeChange, Review } from '../../src/review/diff.ts';
import { formatReviewMarkdown } from '../../src/review/report.ts';
import { markdown as markdownReporter } from '../../src/reporters/markdown.ts';

const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];
/** The HTML the report writes itself: the marker, line breaks and the marks of changed words. */
const OWN_HTML = new Set(['<br>', '<ins>', '</ins>', '<del>', '</del>']);
const MARKER = '<!-- errcat-review -->\n';

const change = (kind: CodeChange['kind'], code: string, text: string, field = 'summary', status = '404'): CodeChange => ({
  code, kind, status, category: text, file: `codes/${code}.yaml`, line: 3, endLine: 3,
  fields: [{ field, path: [field], kind: 'text', before: 'a', after: text, diff: [{ value: 'a', removed: true }, { value: text, added: true }] }],
});
const review = (changes: CodeChange[], base = 'main'): Review => ({
  base, added: changes.filter((c) => c.kind === 'added'), changed: changes.filter((c) => c.kind === 'changed'), removed: changes.filter((c) => c.kind === 'removed'),
  renames: [], page: [], files: {}, lock: 'shipped.yaml',
});

function flat(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flat(t.children ?? [])]);
}

/** Everything that makes a report unsafe to post, as found in markdown-it's tokens. */
function problems(markdown: string, changes: CodeChange[], expectedSpans: string[]): string[] {
  const found: string[] = [];
  const tokens = flat(md.parse(markdown, {}));
  for (const t of tokens) {
    if (t.type === 'html_block' && t.content !== MARKER) found.push(`HTML block ${JSON.stringify(t.content)}`);
    if (t.type === 'html_inline' && !OWN_HTML.has(t.content)) found.push(`HTML ${JSON.stringify(t.content)}`);
    if (t.type === 'image') found.push(`image ${t.attrGet('src')}`);
    if (t.type === 'link_open' && !/^https?:\/\//.test(String(t.attrGet('href') ?? ''))) found.push(`link ${t.attrGet('href')}`);
    // GitHub notifies for @name in text; a code span or an @ followed by a zero-width space does not.
    if (t.type === 'text' && /@[\w-]/.test(t.content)) found.push(`mention in ${JSON.stringify(t.content)}`);
  }
  const rows = tokens.filter((t) => t.type === 'tr_open');
  if (changes.length && rows.length !== changes.length + 1) found.push(`${rows.length - 1} table rows for ${changes.length} changes`);
  let cells = 0;
  for (const t of tokens) {
    if (t.type === 'tr_open') cells = 0;
    if (t.type === 'td_open' || t.type === 'th_open') cells++;
    if (t.type === 'tr_close' && cells !== 4) found.push(`a row of ${cells} cells`);
  }
  // A span closed early leaves a piece of the text as a span of its own, or none whole.
  const spans = new Set(tokens.filter((t) => t.type === 'code_inline').map((t) => t.content));
  for (const s of expectedSpans) if (!spans.has(s)) found.push(`no code span holds ${JSON.stringify(s)} whole`);
  return found;
}

test('a pipe in a code name stays in its code span: no <img>, no @mention, no extra cell', () => {
  const code = 'x` | <img src=https://evil.test/pixel.png> @octocat | `y';
  const changes = [change('added', code, 'fine', 'summary|x'), change('changed', 'plain', 'text | <img src=x> @octocat')];
  const out = formatReviewMarkdown(review(changes), [], { docsUrl: 'https://docs.test/errors/', previewUrl: 'https://preview.test/' });
  assert.deepEqual(problems(out, changes, [plainText(code), 'summary|x']), [], out);
});

test('URLs from the catalog and the command line: only http(s), never out of their destination', () => {
  const changes = [change('added', 'a>b|c', 'fine')];
  const out = formatReviewMarkdown(review(changes), [], { docsUrl: 'https://docs.test/errors/', previewUrl: 'https://preview.test/x|y>z', artifactUrl: 'javascript:alert(1)' });
  assert.deepEqual(problems(out, changes, []), [], out);
  assert.doesNotMatch(out, /javascript:/);
});

// Strings that stress every context: pipes, backticks, brackets, angle brackets, @, entities, controls.
const hostile = fc.stringMatching(/^[|`<>@\[\]()!\\ a-z&#;:*_\n\r\u0000\u200b\u202e-]{0,24}$/);

test('property: no hostile code, field, status or text escapes its place in the review Markdown', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom<CodeChange['kind']>('added', 'changed', 'removed'), hostile, hostile, hostile, hostile), { minLength: 1, maxLength: 4 }), hostile, hostile, (rows, base, message) => {
      const changes = rows.map(([kind, code, text, field, status]) => change(kind, code, text, field || 'f', status));
      const diagnostics: Diagnostic[] = [{ file: base, line: 1, col: 1, severity: 'error', rule: 'shipped-code-removed', message, hint: message }];
      const docsUrl = `https://docs.test/${message}`;
      const openapi = { document: message, base, added: [message, base], removed: rows.map((r) => r[1]) };
      // Whole and bounded (--max-chars), OpenAPI list included: the same rules hold.
      for (const maxChars of [undefined, 1_500]) {
        const out = markdownReporter.format({ diagnostics, codeCount: 1, review: review(changes, base || 'main'), openapi, links: { docsUrl, previewUrl: 'https://preview.test/', maxChars } });
        const expected = maxChars ? [] : changes.flatMap((c) => [c.code, c.fields[0]!.field].filter((s) => plainText(s).trim() !== '').map(plainText));
        const rowsShown = maxChars ? changes.slice(0, out.match(/^\| (➕|✏️|➖)/gm)?.length ?? 0) : changes;
        assert.deepEqual(problems(out, rowsShown, expected), [], out);
      }
      const check = markdownReporter.format({ diagnostics, codeCount: 1, docsUrl });
      assert.deepEqual(problems(check, [], []), [], check);
    }),
    { numRuns: 300 },
  );
});

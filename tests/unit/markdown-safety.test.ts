// The renderer the page uses for every catalog text: raw HTML is escaped, unsafe links dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderInline, renderMarkdown } from '../../src/model/markdown.ts';
import { elements, unsafeAttributes } from '../helpers/html.ts';

const hostile = [
  '<script>alert(1)</script>',
  'text <img src=x onerror=alert(1)> more',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox)',
  '![img](javascript:alert(1))',
  '<javascript:alert(1)>',
  '`<script>` in code and <style>body{}</style>',
  '[x](#a "t\\" onmouseover=\\"alert(1)")',
  '<div onclick="alert(1)">block</div>\n\nafter',
];

for (const render of [renderMarkdown, renderInline]) {
  test(`${render.name} escapes raw HTML and drops unsafe links`, () => {
    for (const text of hostile) {
      const html = render(text);
      const els = elements(html, true);
      const tags = new Set(els.map((e) => e.tag));
      for (const t of ['script', 'img', 'style', 'div', 'iframe']) assert.ok(!tags.has(t), `<${t}> from ${text} -> ${html}`);
      assert.deepEqual(unsafeAttributes(els), [], `${text} -> ${html}`);
      assert.doesNotMatch(html, /javascript:[^<]*<\/a>|href="[^"]*script:/i, html);
    }
  });
}

test('safe Markdown still renders', () => {
  assert.equal(renderInline('see [x](#turn_not_found)'), 'see <a href="#turn_not_found">x</a>');
  assert.match(renderMarkdown('[s](https://status.example.com)'), /href="https:\/\/status.example.com"/);
  assert.equal(renderInline('`<T>`'), '<code>&lt;T&gt;</code>');
});

test('text shown away from the errors page keeps its links pointing at the page', () => {
  const from = '/concepts/errors/';
  assert.equal(renderInline('see [x](#turn_not_found)', from), 'see <a href="/concepts/errors/#turn_not_found">x</a>');
  assert.equal(renderInline('[r](retries/#backoff)', from), '<a href="/concepts/errors/retries/#backoff">r</a>');
  assert.equal(renderInline('[g](/guides/)', from), '<a href="/guides/">g</a>');
  assert.equal(renderInline('[p](//evil.test/x)', from), '<a href="//evil.test/x">p</a>');
  assert.match(renderMarkdown('[s](https://status.example.com)', from), /href="https:\/\/status.example.com"/);
  // The quote that would end the attribute stays escaped.
  assert.match(renderInline('[q](#a"b)', from), /href="\/concepts\/errors\/#a%22b"/);
  assert.match(renderInline('[j](javascript:alert(1))', from), /^\[j\]\(javascript:alert\(1\)\)$/);
});

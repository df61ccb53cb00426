// Build the hostile fixture catalog with the real site build and inspect the HTML: catalog
// text may not produce a script, an event handler or a javascript: URL anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { elements, unsafeAttributes } from '../helpers/html.ts';
import { RULE_PAGE_PATH } from '../../src/rules/docs.ts';

const out = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'dist');

test('hostile catalog: built page has no injected markup', { timeout: 120_000 }, (t) => {
  t.after(() => rmSync(join(out, '..'), { recursive: true, force: true }));
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--catalog', 'tests/fixtures/hostile', '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);

  for (const page of ['errors/index.html', 'errors/evil_code/index.html', 'index.html', '404.html']) {
    const html = readFileSync(join(out, page), 'utf8');
    const els = elements(html);
    // Scripts: only Astro/Starlight's own, none carrying catalog text.
    for (const s of els.filter((e) => e.tag === 'script')) {
      assert.doesNotMatch(s.text, /alert\(/, `${page}: script with catalog text: ${s.text.slice(0, 120)}`);
    }
    assert.deepEqual(unsafeAttributes(els), [], page);
    for (const tag of ['img', 'iframe', 'svg']) {
      for (const e of els.filter((x) => x.tag === tag)) assert.doesNotMatch(JSON.stringify(e.attrs), /onerror|onload|alert/, `${page}: <${tag}>`);
    }
    // The <title> holds only text.
    const title = els.find((e) => e.tag === 'title');
    assert.ok(title, `${page} has a title`);
    assert.equal(els.filter((e) => e.tag === 'title').length, 1, `${page}: one title`);
  }

  const html = readFileSync(join(out, 'errors/index.html'), 'utf8');
  const els = elements(html);
  // The hostile text is still shown, as text.
  const h1 = els.find((e) => e.tag === 'h1')!;
  assert.match(h1.text, /<\/title><script>alert\(1\)<\/script>/);
  assert.ok(els.some((e) => e.tag === 'code' && e.text === '<script>alert(9)</script>'), 'inline code shows the script text');
  // Exactly one element carries a code's id: its heading.
  for (const code of ['evil_code', 'other_code']) {
    const withId = els.filter((e) => e.attrs.id === code);
    assert.deepEqual(withId.map((e) => e.tag), ['h3'], code);
  }
  // The attribute breaker in a link title stays inside the attribute.
  assert.ok(!els.some((e) => 'onmouseover' in e.attrs));

  // A deprecated code keeps its heading and anchor, and says so in a notice beside it.
  const section = els.find((e) => e.attrs['data-lifecycle'] === 'deprecated');
  assert.ok(section, 'the deprecated code is on the page, marked as such');
  const notice = els.find((e) => e.tag === 'aside' && /Deprecated/.test(e.attrs['aria-label'] ?? ''));
  assert.ok(notice, 'a deprecation notice is shown');
  assert.match(notice.text, /since 2026-01-01/i);
  assert.match(notice.text, /evil_code/);
  assert.ok(els.some((e) => e.tag === 'a' && e.attrs.href === '#evil_code' && /evil_code/.test(e.text)), 'the replacement is a link');

  // Diagnostics link to the rule pages (RULE_PAGE_PATH): every rule of the registry has its page there.
  const rulePage = readFileSync(join(out, RULE_PAGE_PATH, 'category-known/index.html'), 'utf8');
  assert.match(rulePage, /A code names a category that catalog\.yaml does not declare/);
  assert.match(rulePage, /notfound/);
  // So do the diagnostics from outside the rule set.
  for (const id of ['internal-error', 'site-contract']) {
    assert.match(readFileSync(join(out, RULE_PAGE_PATH, id, 'index.html'), 'utf8'), /not a catalog rule/);
  }
});

// Links between the catalog and the docs site: checked on built HTML, in both directions,
// each problem pointing at the source line that holds the link. The first tests run the
// check on small built pages; the last one builds the fixture docs site with broken links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkSiteLinks, readBuiltPages, type SourceText } from '../../src/plugin/links.ts';

/** Writes built pages (path -> body HTML) and reads them back as the plugin does. */
function site(pages: Record<string, string>, files: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'built-'));
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(join(out, path), { recursive: true });
    writeFileSync(join(out, path, 'index.html'), `<!doctype html><html><body>${body}</body></html>`);
  }
  for (const f of files) {
    mkdirSync(dirname(join(out, f)), { recursive: true });
    writeFileSync(join(out, f), '{}');
  }
  return { out, pages: readBuiltPages(out, Object.keys(pages).map((p) => p.replace(/^\//, ''))) };
}

/** The errors page: Starlight's header links the home page; the plugin's markup is its ec-page div. */
const ecPage = (body: string) => `<header><a href="/">Home</a></header><div class="ec-page"><div>${body}</div></div><footer><a href="/nowhere/">x</a></footer>`;
const errorsPage = '<h2 id="auth">Auth</h2><h3 id="token_invalid">token_invalid</h3><h3 id="rate_limited">rate_limited</h3>';
const codes = ['token_invalid', 'rate_limited'];

function check(pages: Record<string, string>, sources: { catalog?: SourceText[]; docs?: SourceText[] } = {}, files: string[] = []) {
  const built = site(pages, files);
  const result = checkSiteLinks({ pages: built.pages, pagePath: '/concepts/errors', codes, outDir: built.out, catalogSources: sources.catalog ?? [], docsSources: sources.docs ?? [] });
  rmSync(built.out, { recursive: true });
  return result;
}

test('links that resolve in both directions pass, in every form a page writes them', () => {
  const problems = check(
    {
      '/concepts/errors/': ecPage(`${errorsPage}<a href="/guides/retries/">r</a><a href="/guides/retries/#backoff">b</a><a href="../../guides/retries">rel</a><a href="/errors.json">json</a><a href="https://elsewhere.test/x">ext</a><a href="#rate_limited">same page</a>`),
      '/concepts/errors/token_invalid/': '<a href="/concepts/errors/#token_invalid">to</a>',
      '/guides/retries/': '<h2 id="backoff">Backoff</h2><a href="/concepts/errors#rate_limited">a</a><a href="/concepts/errors/#auth">section</a><a href="../../concepts/errors/#token_invalid">relative</a><a href="/concepts/errors/token_invalid/">plain</a><a href="/concepts/errors/">page</a>',
    },
    {},
    ['errors.json'],
  );
  assert.deepEqual(problems, []);
});

test('catalog text -> site: a missing page or heading is reported at the catalog line', () => {
  const catalog: SourceText[] = [{ path: 'catalog/codes/rate_limited.yaml', text: 'code: rate_limited\nrecovery: Wait, then [retry](/guides/retrys/) or [back off](/guides/retries/#backof).\n' }];
  const problems = check(
    {
      '/concepts/errors/': ecPage(`${errorsPage}<a href="/guides/retrys/">r</a><a href="/guides/retries/#backof">b</a>`),
      '/guides/retries/': '<h2 id="backoff">Backoff</h2>',
    },
    { catalog },
  );
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message} hint: ${p.hint}`),
    [
      'catalog/codes/rate_limited.yaml:2:30 link to /guides/retrys/: no such page on the site hint: did you mean /guides/retries/?',
      'catalog/codes/rate_limited.yaml:2:61 link to /guides/retries/#backof: no heading or id "backof" on that page hint: did you mean #backoff?',
    ],
  );
});

test('site -> catalog: an unknown code, by anchor or plain URL, is reported at the docs line', () => {
  const docs: SourceText[] = [{ path: 'src/content/docs/guides/retries.md', text: '# Retries\n\nSee [limits](/concepts/errors#rate_limitd)\nand [this](/concepts/errors/token_invaild/).\n' }];
  const problems = check(
    {
      '/concepts/errors/': errorsPage,
      '/guides/retries/': '<a href="/concepts/errors#rate_limitd">a</a><a href="/concepts/errors/token_invaild/">b</a>',
    },
    { docs },
  );
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message} hint: ${p.hint}`),
    [
      'src/content/docs/guides/retries.md:3:14 link to /concepts/errors#rate_limitd: no code or section "rate_limitd" on the errors page hint: did you mean #rate_limited?',
      'src/content/docs/guides/retries.md:4:12 link to /concepts/errors/token_invaild/: no code "token_invaild" in the catalog hint: did you mean token_invalid?',
    ],
  );
});

test('a host site without a home page: the links Starlight draws around the errors page are not checked', () => {
  // Only /concepts/errors/ is built: no `/`, no `/nowhere/`, both outside the plugin's markup.
  assert.deepEqual(check({ '/concepts/errors/': ecPage(errorsPage) }), []);
  // The same link written in catalog text is the plugin's to check.
  assert.deepEqual(check({ '/concepts/errors/': ecPage(`${errorsPage}<a href="/nowhere/">x</a>`) }).map((p) => p.message), ['link to /nowhere/: no such page on the site']);
});

test('a link found in no source names the built page instead', () => {
  const problems = check({ '/concepts/errors/': errorsPage, '/guides/x/': '<a href="/concepts/errors#nope">a</a>' });
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, 'page /guides/x/');
});

test('the fixture docs site with broken links does not build, and says where each link is', { timeout: 300_000 }, () => {
  // The fixture imports the plugin by the package's name, which is lib/: built from the sources first.
  const built = spawnSync(process.execPath, ['scripts/build-package.ts'], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  // Inside the repository, so the site resolves its packages as the fixture does.
  const root = join('.tmp', `docs-site-broken-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  cpSync('tests/fixtures/docs-site', root, { recursive: true, filter: (p) => !/[/\\](dist|\.astro)$/.test(p) });
  const edit = (file: string, from: string, to: string) => {
    const p = join(root, file);
    const text = readFileSync(p, 'utf8');
    assert.ok(text.includes(from), `${from} in ${file}`);
    writeFileSync(p, text.replace(from, to));
  };
  edit('src/content/docs/guides/getting-started.md', '/concepts/errors#token_invalid)', '/concepts/errors#token_invalidd)');
  edit('catalog/codes/rate_limited.yaml', '(/guides/retries/#backoff)', '(/guides/retrys/#backoff)');
  try {
    const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--root', root], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    assert.notEqual(r.status, 0);
    const out = r.stdout + r.stderr;
    assert.match(out, /catalog\/codes\/rate_limited\.yaml:\d+:\d+ {2}error {2}site-link {2}link to \/guides\/retrys\/: no such page on the site {2}hint: did you mean \/guides\/retries\/\?/);
    assert.match(out, /src\/content\/docs\/guides\/getting-started\.md:\d+:\d+ {2}error {2}site-link {2}link to \/concepts\/errors#token_invalidd: no code or section "token_invalidd" on the errors page {2}hint: did you mean #token_invalid\?/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// The real build (scripts/build.ts) on the mini catalog: the built site is verified before
// it is swapped in, the verifier catches what a broken page would do (crafted HTML and a
// build with the reserved-name check disabled), and a build killed mid-swap loses no site.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { recover } from '../../src/build/swap.ts';
import { readPage, verifySite } from '../../src/build/verify.ts';
import { checkCatalog } from '../../src/check/check.ts';
import { pageAnchors } from '../../src/model/model.ts';
import { reservedCode } from '../../src/model/reserved.ts';
import { mutateFixture } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'site-build-'));
const out = join(work, 'dist');
const model = checkCatalog('tests/fixtures/mini').model!;
test.after(() => rmSync(work, { recursive: true, force: true }));

function build(catalog: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--catalog', catalog, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 900_000,
  });
  return { code: r.status, signal: r.signal, err: r.stderr, out: r.stdout };
}

/** A copy of the verified build, tampered with, and what the verifier says about it. */
function tampered(edit: (site: string) => void): string[] {
  const site = mkdtempSync(join(work, 'tampered-'));
  cpSync(out, site, { recursive: true });
  edit(site);
  return verifySite(site, model).map((d) => `${d.file.split('/').slice(-2).join('/')} ${d.message}`);
}

const edit = (file: string, find: string | RegExp, replace: string) => {
  const text = readFileSync(file, 'utf8');
  assert.notEqual(text.replace(find, replace), text, `edit did not apply to ${file}`);
  writeFileSync(file, text.replace(find, replace));
};

test('a build is verified before it is swapped in; every id of the page is a code, a section or reserved', { timeout: 900_000 }, () => {
  const r = build('tests/fixtures/mini');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /verified: 2 codes/);
  const page = readPage(readFileSync(join(out, 'errors/index.html'), 'utf8'));
  const own = new Set([...model.codes.map((c) => c.code), ...pageAnchors(model.catalog)]);
  const unknown = [...page.ids.keys()].filter((id) => !own.has(id) && !reservedCode(id));
  assert.deepEqual(unknown, [], 'ids the page uses that src/model/reserved.ts does not list: add them there');
  assert.deepEqual(verifySite(out, model), []);
});

test('verifier: a theme element that takes a code\'s id is named, with the code', () => {
  const found = tampered((site) => edit(join(site, 'errors/index.html'), 'id="starlight__sidebar"', 'id="thing_not_found"'));
  assert.equal(found.length, 1, found.join('\n'));
  assert.match(found[0]!, /^codes\/thing_not_found\.yaml https:\/\/docs\.mini\.test\/errors#thing_not_found resolves to 2 elements: .*<h3 id="thing_not_found">.*<sl-sidebar-pane id="thing_not_found"/);
});

test('verifier: a code whose heading lost its id, and an id used twice', () => {
  const found = tampered((site) => {
    edit(join(site, 'errors/index.html'), '<h3 id="rate_limited"', '<h3 id="rate-limited"');
    edit(join(site, 'errors/index.html'), '<h2 id="where-next"', '<h2 id="quick-navigation"');
  });
  assert.ok(found.some((f) => /errors#rate_limited resolves to no element/.test(f)), found.join('\n'));
  assert.ok(found.some((f) => /id "quick-navigation" is used by 2 elements/.test(f)), found.join('\n'));
});

test('verifier: broken internal links and fragments', () => {
  const found = tampered((site) =>
    edit(join(site, 'errors/index.html'), '</main>', '<a href="#nowhere">a</a><a href="/errors/missing_code/">b</a><a href="/errors/#also-nowhere">c</a></main>'));
  assert.deepEqual(found.map((f) => f.replace(/ which.*| on .*/, '')).sort(), [
    'errors/index.html link "#nowhere": no element has id "nowhere"',
    'errors/index.html link "/errors/#also-nowhere": no element has id "also-nowhere"',
    'errors/index.html link "/errors/missing_code/" leads to /errors/missing_code/,',
  ]);
});

test('verifier: a missing plain URL, and one that forwards elsewhere', () => {
  const found = tampered((site) => {
    rmSync(join(site, 'errors/rate_limited'), { recursive: true });
    edit(join(site, 'errors/thing_not_found/index.html'), /url=[^"]*"/, 'url=/errors/#rate_limited"');
  });
  assert.deepEqual(found.sort(), [
    'codes/rate_limited.yaml the plain URL /errors/rate_limited/ was not built',
    'codes/thing_not_found.yaml the plain URL /errors/thing_not_found/ forwards to /errors/#rate_limited, not to /errors/#thing_not_found',
  ]);
});

test('verifier: exports that do not list exactly the catalog\'s codes', () => {
  const found = tampered((site) => {
    edit(join(site, 'errors.json'), '"code": "rate_limited"', '"code": "rate_limitd"');
    edit(join(site, 'llms-full.txt'), '### rate_limited', '### rate_limited\n\n### injected_code');
  });
  assert.deepEqual(found.map((f) => f.replace(/^[^ ]*\//, '')).sort(), [
    'errors.json errors.json does not list exactly the catalog\'s codes; missing: rate_limited; extra or repeated: rate_limitd',
    'llms-full.txt llms-full.txt does not list exactly the catalog\'s codes; extra or repeated: injected_code',
  ]);
});

test('a build whose page gives a code\'s id to a theme element fails, names both, and leaves dist/ as it was', { timeout: 900_000 }, () => {
  const before = readFileSync(join(out, 'errors/index.html'), 'utf8');
  // The up-front refusal (code-reserved) is disabled: the verifier must catch it on its own.
  const catalog = mutateFixture('tests/fixtures/mini', []);
  writeFileSync(join(catalog, 'codes/starlight__sidebar.yaml'), readFileSync(join(catalog, 'codes/rate_limited.yaml'), 'utf8')
    .replaceAll('rate_limited', 'starlight__sidebar'));
  const r = build(catalog, { ERRCAT_UNSAFE_SKIP_RESERVED: '1' });
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /codes\/starlight__sidebar\.yaml:1:1 +error +site-contract +https:\/\/docs\.mini\.test\/errors#starlight__sidebar resolves to 2 elements: .*<sl-sidebar-pane id="starlight__sidebar"/);
  assert.match(r.err, /dist left as it was/);
  assert.equal(readFileSync(join(out, 'errors/index.html'), 'utf8'), before);
  assert.deepEqual(readdirSync(work).filter((n) => n.startsWith('.')), [], 'no staging directory left');
  // Without the bypass, the check refuses it up front, at the code.
  const check = checkCatalog(catalog).diagnostics.filter((d) => d.rule === 'code-reserved');
  assert.deepEqual(check.map((d) => `${d.file.split('/').pop()}:${d.line}:${d.col}`), ['starlight__sidebar.yaml:2:7']);
});

test('a build killed mid-swap loses no site: the next build restores it and removes what dead builds left', { timeout: 900_000 }, () => {
  const before = readFileSync(join(out, 'errors/index.html'), 'utf8');
  const r = build('tests/fixtures/mini', { ERRCAT_BUILD_CRASH: 'old-moved' });
  assert.equal(r.signal, 'SIGKILL', r.err);
  // Between the two renames: no dist/, but the old site is complete beside it, and so is the new one.
  assert.ok(!existsSync(out));
  const left = readdirSync(work).filter((n) => n.startsWith('.dist.')).sort();
  assert.deepEqual(left.map((n) => n.replace(/\d+$/, 'PID')), ['.dist.build-PID', '.dist.old-PID']);
  for (const n of left) assert.ok(existsSync(join(work, n, 'errors/index.html')), `${n} is a complete site`);
  // A staging directory of a build that died long ago.
  mkdirSync(join(work, '.dist.build-999999999'));
  // The next build recovers before anything else, even when its own check then fails.
  const broken = mutateFixture('tests/fixtures/mini', [['codes/rate_limited.yaml', 'category: limits', 'category: nope']]);
  const next = build(broken);
  assert.equal(next.code, 1);
  assert.match(next.err, /restored .*dist from \.dist\.old-\d+/);
  assert.equal(readFileSync(join(out, 'errors/index.html'), 'utf8'), before);
  assert.deepEqual(readdirSync(work).filter((n) => n.startsWith('.')), []);
});

test('recover(): after a crash past the swap the old copy goes; a live build\'s directories are left alone', () => {
  const dir = mkdtempSync(join(work, 'recover-'));
  const target = join(dir, 'site');
  mkdirSync(join(target, 'new'), { recursive: true });
  mkdirSync(join(dir, '.site.old-999999999'));
  mkdirSync(join(dir, `.site.build-${process.ppid}`));
  assert.deepEqual(recover(target), ['removed .site.old-999999999']);
  assert.deepEqual(readdirSync(dir).sort(), [`.site.build-${process.ppid}`, 'site']);
  assert.deepEqual(readdirSync(target), ['new']);
});

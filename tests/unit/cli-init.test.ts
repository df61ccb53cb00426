// errcat init: a starter catalog that passes the check at once, written only where nothing is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { readTree } from './helpers.ts';

function errcat(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [resolve('bin/errcat.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const fresh = () => mkdtempSync(join(tmpdir(), 'errcat-init-'));
const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=(\S+)\n/;

test('init writes catalog.yaml (name, docs_url), one code and an empty lock that pass the check, and prints three next steps', () => {
  const dir = join(fresh(), 'errors');
  const r = errcat(['init', dir, '--name', 'Acme', '--docs-url', 'https://docs.acme.test/concepts/errors']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(Object.keys(readTree(dir)).sort(), ['catalog.yaml', 'codes/resource_not_found.yaml', 'shipped.yaml']);
  const catalog = load(readFileSync(join(dir, 'catalog.yaml'), 'utf8')) as { api: string; docs_url: string };
  assert.equal(catalog.api, 'Acme');
  assert.equal(catalog.docs_url, 'https://docs.acme.test/concepts/errors');
  assert.equal(load(readFileSync(join(dir, 'shipped.yaml'), 'utf8')), null, 'no code shipped yet: comments only');
  // Each catalog file starts with the schema comment, and its path leads to the schema.
  for (const [file, schema] of [['catalog.yaml', 'catalog.schema.json'], ['codes/resource_not_found.yaml', 'code.schema.json']]) {
    const ref = SCHEMA_COMMENT.exec(readFileSync(join(dir, file!), 'utf8'))?.[1];
    assert.ok(ref, `${file} starts with the schema comment`);
    assert.equal(resolve(dirname(join(dir, file!)), ref), resolve('schema', schema!));
  }
  assert.deepEqual(r.out.split('\n').filter((l) => /^ {2}\d\. /.test(l)).map((l) => l.slice(2, 4)), ['1.', '2.', '3.']);
  const check = errcat(['check', dir]);
  assert.equal(check.code, 0, check.out);
  assert.match(check.out, /catalog clean: 1 code checked/);
});

test('init into ./catalog by default, and a name with quotes is kept as given', () => {
  const cwd = fresh();
  const r = errcat(['init', '--name', `O'Hare "Q" API`], cwd);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^ {2}1\. npx errcat check +/m);
  assert.equal((load(readFileSync(join(cwd, 'catalog/catalog.yaml'), 'utf8')) as { api: string }).api, `O'Hare "Q" API`);
  assert.equal(errcat(['check'], cwd).code, 0);
  // This package lies outside that project: the comment names the published schema.
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  assert.equal(SCHEMA_COMMENT.exec(readFileSync(join(cwd, 'catalog/catalog.yaml'), 'utf8'))?.[1], `https://unpkg.com/starlight-error-catalog@${version}/schema/catalog.schema.json`);
});

test('init never overwrites: an existing catalog file (or a link where one goes) is refused, nothing is written', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'catalog.yaml'), 'api: Mine\n');
  const before = readTree(dir);
  const r = errcat(['init', dir]);
  assert.equal(r.code, 2);
  assert.match(r.err, /^errcat: not written: .*catalog\.yaml exists already/);
  assert.deepEqual(readTree(dir), before);
  assert.ok(!existsSync(join(dir, 'codes')));

  const linked = fresh();
  symlinkSync(join(linked, 'elsewhere.yaml'), join(linked, 'shipped.yaml'));
  assert.equal(errcat(['init', linked]).code, 2);
  assert.ok(!existsSync(join(linked, 'elsewhere.yaml')), 'nothing written through a dangling link');
  assert.ok(!existsSync(join(linked, 'catalog.yaml')));
});

test('hostile values get one clear line each, exit 2, and nothing is written', () => {
  const cases: [string[], RegExp][] = [
    [['--name', 'Two\nlines'], /--name must be one line of text/],
    [['--name', '  '], /--name is empty/],
    [['--name', 'Acme <script>'], /would fail the check:\n.*catalog\.yaml:2:\d+  error  raw-html/],
    [['--name', '[x](javascript:alert(1))'], /unsafe-link/],
    [['--docs-url', 'http://docs.acme.test/errors'], /--docs-url must be an https URL, not http:/],
    [['--docs-url', 'javascript:alert(1)'], /--docs-url must be an https URL/],
    [['--docs-url', 'docs.acme.test/errors'], /--docs-url "docs\.acme\.test\/errors" is not a URL/],
    [['--docs-url', 'https://docs.acme.test/errors#x'], /without \?query or #fragment/],
  ];
  for (const [args, message] of cases) {
    const dir = join(fresh(), 'catalog');
    const r = errcat(['init', dir, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.ok(!existsSync(dir), `nothing written for ${args.join(' ')}`);
  }
});

test('a directory that is a file, or whose codes/ is a file, is refused', () => {
  const base = fresh();
  writeFileSync(join(base, 'file'), 'x');
  const r = errcat(['init', join(base, 'file')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /file exists and is not a directory/);
  assert.equal(readFileSync(join(base, 'file'), 'utf8'), 'x');
  mkdirSync(join(base, 'cat'));
  writeFileSync(join(base, 'cat', 'codes'), 'x');
  assert.match(errcat(['init', join(base, 'cat')]).err, /codes exists and is not a directory/);
  assert.deepEqual(readTree(join(base, 'cat')), { codes: 'x' });
});

// The loader reads clean files with js-yaml's fast parser and falls back to `yaml` for
// positions. Both must agree on what every catalog file means.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse } from 'yaml';
import { checkCatalog } from '../../src/check/check.ts';
import { displayPath } from '../../src/load/load.ts';
import fc from 'fast-check';
import { mutateFixture } from './helpers.ts';
import { generateCatalog } from '../../bench/generate.ts';
import { tmpdir } from 'node:os';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

test('js-yaml (core schema) and yaml read every catalog file alike', () => {
  const generated = generateCatalog(join(tmpdir(), `errcat-gen-${process.pid}`), 12);
  const files = [...yamlFiles('catalog'), ...yamlFiles('examples'), ...yamlFiles('tests/fixtures'), ...yamlFiles(generated)];
  assert.ok(files.length > 40);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.deepEqual(load(text, { schema: CORE_SCHEMA }) ?? null, parse(text), f);
  }
});

test('values YAML 1.1 would turn into dates or booleans stay strings, as in yaml', () => {
  const text = 'since: 2026-11-01\nanswer: yes\nnone: ~\nn: 0x1F\n';
  assert.deepEqual(load(text, { schema: CORE_SCHEMA }), parse(text));
});

test('an empty code file is reported, not skipped', () => {
  const dir = mutateFixture('tests/fixtures/mini', [['codes/rate_limited.yaml', /[^]*/, '']]);
  const rules = checkCatalog(dir).diagnostics.map((d) => `${d.file.split('/').pop()}:${d.rule}`);
  assert.ok(rules.includes('rate_limited.yaml:invalid-value'), rules.join());
});

test('a file js-yaml rejects is parsed by yaml for the position', () => {
  const dir = mutateFixture('tests/fixtures/mini', [['codes/thing_not_found.yaml', 'summary: No thing has this ID.', 'summary: No thing has this ID.\nsummary: again']]);
  const d = checkCatalog(dir).diagnostics.find((x) => x.rule === 'duplicate-key');
  assert.ok(d);
  assert.deepEqual([d.line, d.col], [6, 1]);
});

test('property: displayPath (resolved once per directory) shows every path as path.relative would', () => {
  const plain = (p: string) => {
    const rel = relative(process.cwd(), p);
    return rel.startsWith('..') ? p : rel;
  };
  const segment = fc.constantFrom('catalog', 'codes', '.', '..', '', 'a.yaml', 'b c.yaml', process.cwd().slice(1), 'x');
  const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 })).map(([abs, parts]) => `${abs ? '/' : ''}${parts.join('/')}`);
  fc.assert(fc.property(path, (p) => assert.equal(displayPath(p), plain(p))), { numRuns: 2000 });
});

test('a file of exactly the size limit is read whole, to its last byte; one byte more is refused', async () => {
  const { readInside } = await import('../../src/load/read.ts');
  const { LIMITS } = await import('../../src/load/limits.ts');
  const dir = mutateFixture('tests/fixtures/mini', []);
  const root = realpathSync(dir);
  const path = join(root, 'codes', 'big.yaml');
  // Two-byte characters, so a read cut short would also split one.
  const body = LIMITS.fileBytes - 'notes: ""\n# end'.length;
  const text = `notes: "${'é'.repeat(Math.floor(body / 2))}${'x'.repeat(body % 2)}"\n# end`;
  assert.equal(Buffer.byteLength(text), LIMITS.fileBytes);
  writeFileSync(path, text);
  assert.equal(readInside(root, path), text);
  writeFileSync(path, `${text}!`);
  assert.deepEqual(readInside(root, path), { rule: 'limit-exceeded', refused: `is larger than ${LIMITS.fileBytes} bytes (${LIMITS.fileBytes + 1}): not read` });
  writeFileSync(path, '');
  assert.equal(readInside(root, path), '');
});

test('a code file\'s path is join(codes directory, name), as the loader writes it without join for each file', () => {
  // The loader (src/load/load.ts) joins codes/ once and appends each name readdir gives
  // (*.yaml: never `.` or `..`, no separator); path.join would give the same path.
  const segment = fc.constantFrom('', '.', '..', 'a', 'b c', '/', '//', 'x/', './', '../', '~', 'é');
  const dir = fc.array(segment, { maxLength: 5 }).map((s) => s.join(''));
  const name = fc.tuple(fc.stringMatching(/^[^/\0]*$/, { maxLength: 12 }), fc.constantFrom('.yaml', '.yml')).map(([stem, ext]) => stem + ext);
  fc.assert(fc.property(dir, name, (d, n) => {
    const codes = join(d, 'codes');
    assert.equal(`${codes}${sep}${n}`, join(codes, n));
  }), { numRuns: 1000 });
  // And the loader's own: each file's path as shown names codes/ and the file.
  const result = checkCatalog('catalog');
  assert.ok(result.loaded.codes.length > 0);
  for (const f of result.loaded.codes) assert.equal(f.path, displayPath(join('catalog', 'codes', basename(f.path))));
});

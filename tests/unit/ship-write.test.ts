// `ship` replaces shipped.yaml whole or not at all: a write that fails part way (a full
// disk, a file-size limit) leaves the old lock byte for byte, no temporary file, and a
// message instead of a stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { writeWhole } from '../../src/cli/write-whole.ts';
import { mutateFixture } from './helpers.ts';

const rate = readFileSync('tests/fixtures/mini/codes/rate_limited.yaml', 'utf8');
const LIMIT = 1024; // bash's `ulimit -f 1`: one 1,024-byte block

/** The mini catalog with enough unshipped codes that shipping them outgrows the size limit. */
function catalogToShip(): { dir: string; lock: string } {
  const dir = mutateFixture('tests/fixtures/mini', []);
  for (let i = 0; i < 16; i++) writeFileSync(join(dir, `codes/slow_down_${i}.yaml`), rate.replaceAll('rate_limited', `slow_down_${i}`));
  const lock = readFileSync(join(dir, 'shipped.yaml'), 'utf8');
  assert.ok(lock.length < LIMIT);
  return { dir, lock };
}

test('ship under a file-size limit: the old lock intact, no temporary file, a clear message, exit 2', () => {
  const { dir, lock } = catalogToShip();
  const r = spawnSync('bash', ['-c', `ulimit -f 1; exec "$0" "$@"`, process.execPath, resolve('bin/errcat.js'), 'ship', dir, '--version', 'v2'], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.equal(r.stderr, `errcat: could not write ${join(dir, 'shipped.yaml')} (EFBIG: file too large, write); it is unchanged, nothing was shipped\n`);
  assert.equal(readFileSync(join(dir, 'shipped.yaml'), 'utf8'), lock);
  assert.deepEqual(readdirSync(dir).sort(), ['catalog.yaml', 'codes', 'shipped.yaml']);
});

test('without the limit the same ship succeeds (the limit, not the catalog, failed it)', () => {
  const { dir } = catalogToShip();
  const r = spawnSync(process.execPath, [resolve('bin/errcat.js'), 'ship', dir, '--version', 'v2'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const now = readFileSync(join(dir, 'shipped.yaml'), 'utf8');
  assert.ok(now.length > LIMIT && now.includes('slow_down_15'), now);
  assert.deepEqual(readdirSync(dir).sort(), ['catalog.yaml', 'codes', 'shipped.yaml']);
});

test('writeWhole never writes through a name planted where its temporary file goes, and leaves it', () => {
  const dir = mutateFixture('tests/fixtures/mini', []);
  mkdirSync(join(dir, 'elsewhere'));
  const planted = join(dir, `.shipped.yaml.${process.pid}.tmp`);
  symlinkSync(join(dir, 'elsewhere', 'victim'), planted);
  const before = readFileSync(join(dir, 'shipped.yaml'), 'utf8');
  assert.throws(() => writeWhole(join(dir, 'shipped.yaml'), 'new'), { code: 'EEXIST' });
  assert.equal(readFileSync(join(dir, 'shipped.yaml'), 'utf8'), before);
  assert.deepEqual(readdirSync(join(dir, 'elsewhere')), []);
  assert.ok(readdirSync(dir).includes(`.shipped.yaml.${process.pid}.tmp`), 'not ours to remove');
});

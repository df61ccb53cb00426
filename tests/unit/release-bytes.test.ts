// A large read's bytes are freed once decoded (confined.ts, the OpenAPI worker and its
// validating thread); a small buffer, a slice of Node's shared pool, must stay as it is, and
// so must every other buffer in that pool.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readConfined } from '../../src/load/confined.ts';
import { release } from '../../src/load/release-bytes.ts';

test('a large buffer of its own is emptied; a pooled one and its neighbours are left alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-release-'));
  writeFileSync(join(dir, 'large.json'), `"${'é'.repeat(100_000)}"`);
  const large = readFileSync(join(dir, 'large.json'));
  release(large);
  assert.equal(large.byteLength, 0);
  const neighbour = Buffer.from('neighbour');
  const small = Buffer.from('small');
  assert.equal(small.buffer, neighbour.buffer, 'both from the pool');
  release(small);
  assert.equal(small.toString(), 'small');
  assert.equal(neighbour.toString(), 'neighbour');
  // A large slice of a larger buffer is not its own either.
  const whole = Buffer.alloc(200_000, 1);
  const slice = whole.subarray(100);
  release(slice);
  assert.equal(whole.byteLength, 200_000);
  // And the text read through it is whole.
  assert.equal(readConfined(join(dir, 'large.json'), dir, 1e6), `"${'é'.repeat(100_000)}"`);
});

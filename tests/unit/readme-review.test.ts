// The README's review example is what the tool prints for that change today.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readmeExample, reviewExample } from '../../scripts/review-example.ts';

test('README review example matches a fresh run (regenerate: node scripts/review-example.ts --write)', { timeout: 120_000 }, () => {
  const shown = readmeExample(readFileSync('README.md', 'utf8'));
  assert.ok(shown, 'README.md has the review example block');
  assert.equal(shown, reviewExample());
  assert.match(shown, /\{\+first \+\}check/);
});

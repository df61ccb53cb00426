// The manual's review example is what the tool prints for that change today.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { REVIEW_PAGE } from '../../scripts/docs/site.ts';
import { reviewExample, shownExample } from '../../scripts/review-example.ts';

test('the review page\'s example matches a fresh run (regenerate: node scripts/review-example.ts --write)', { timeout: 120_000 }, () => {
  const shown = shownExample(readFileSync(REVIEW_PAGE, 'utf8'));
  assert.ok(shown, `${REVIEW_PAGE} has the review example block`);
  assert.equal(shown, reviewExample());
  assert.match(shown, /\{\+first \+\}check/);
});

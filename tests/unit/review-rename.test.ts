// A likely rename is shown once in the review: on the new code, as the diff from the old
// one, not as the whole content removed and then the whole content added again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { branch, errcat, read, remove, repo, write } from '../helpers/git-repo.ts';

const UNCHANGED = 'deletes are immediate and hard, with no tombstone.';
const count = (text: string, find: string) => text.split(find).length - 1;

function renamed(): string {
  const d = repo('catalog');
  branch(d, 'rename', () => {
    write(d, 'codes/memory_entry_not_found.yaml', read(d, 'codes/memory_not_found.yaml').replaceAll('memory_not_found', 'memory_entry_not_found').replace('No memory entry with this ID exists.', 'No memory entry with this ID exists for you.'));
    remove(d, 'codes/memory_not_found.yaml');
  });
  return d;
}

test('text: the rename once, with what changed between the two', () => {
  const r = errcat(renamed(), 'check', 'catalog', '--base', 'main');
  assert.equal(count(r.out, UNCHANGED), 0, 'an unchanged text is not printed at all');
  assert.match(r.out, /  removed  memory_not_found  .*\n    probably renamed to memory_entry_not_found .*\n    its content, and what the new code changed in it, are under memory_entry_not_found\n/);
  assert.match(r.out, /  added    memory_entry_not_found  .*\n    probably renamed from memory_not_found .*\n    what changed from memory_not_found:\n    summary:\n      No memory entry with this ID exists\{\+ for you\+\}\.\n/);
});

test('Markdown: the rename once, with what changed between the two', () => {
  const r = errcat(renamed(), 'check', 'catalog', '--base', 'main', '--format', 'markdown');
  assert.equal(count(r.out, UNCHANGED), 0, r.out);
  assert.match(r.out, /\| ➕ added \| `memory_entry_not_found` \| 404 \| renamed from `memory_not_found`\? \|/);
  assert.match(r.out, /What changed from `memory_not_found`:\n\n\*\*`summary`\*\*/);
  assert.match(r.out, /Its content, and what the new code changed in it, are under `memory_entry_not_found`\./);
});

test('GitHub: the notice of the new code names the old one', () => {
  const r = errcat(renamed(), 'check', 'catalog', '--base', 'main', '--format', 'github');
  assert.match(r.out, /^::notice file=catalog\/codes\/memory_entry_not_found\.yaml,line=1,endLine=\d+,title=added memory_entry_not_found::probably renamed from memory_not_found \(99%25 the same\) \(404\): No memory entry with this ID exists for you\.$/m);
});

// GitHub annotations of a review land on the changed lines of a field, not on its first line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { branch, edit, errcat, read, repo } from '../helpers/git-repo.ts';
import { mutateFixture } from './helpers.ts';

const steps = Array.from({ length: 12 }, (_, i) => `  - Step ${i + 1}: check the thing's field number ${i + 1}.\n`).join('');

/** main: the mini catalog with a recovery text of twelve lines. */
function longRecovery(): string {
  return repo(mutateFixture('tests/fixtures/mini', [['codes/thing_not_found.yaml', /recovery: \|\n(  .*\n)+/, `recovery: |\n${steps}`]]));
}

const lineOf = (text: string, find: string) => text.slice(0, text.indexOf(find)).split('\n').length;

test('a one-word edit deep in a long text is annotated on its line', () => {
  const dir = longRecovery();
  branch(dir, 'word', () => edit(dir, 'codes/thing_not_found.yaml', 'field number 11.', 'field number eleven.'));
  const line = lineOf(read(dir, 'codes/thing_not_found.yaml'), 'eleven');
  assert.ok(line > lineOf(read(dir, 'codes/thing_not_found.yaml'), 'recovery:') + 5, 'the edit is far from the field\'s first line');
  const gh = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'github');
  assert.match(gh.out, new RegExp(`^::notice file=catalog/codes/thing_not_found\\.yaml,line=${line},title=changed thing_not_found%3A recovery::.*\\[-11-\\]\\{\\+eleven\\+\\}`, 'm'));
});

test('edits on several lines of a text are annotated as one range, from the first to the last', () => {
  const dir = longRecovery();
  branch(dir, 'range', () => {
    edit(dir, 'codes/thing_not_found.yaml', 'field number 3.', 'field number three.');
    edit(dir, 'codes/thing_not_found.yaml', 'field number 7.', 'field number seven.');
  });
  const text = read(dir, 'codes/thing_not_found.yaml');
  const gh = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'github');
  assert.match(gh.out, new RegExp(`^::notice file=catalog/codes/thing_not_found\\.yaml,line=${lineOf(text, 'three')},endLine=${lineOf(text, 'seven')},title=changed thing_not_found%3A recovery::`, 'm'));
});

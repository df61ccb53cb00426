// Review notices carry pull-request text (file names, codes, field names): none of it may
// start a workflow command of its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CodeChange, Review } from '../../src/review/diff.ts';
import { formatReviewGithub } from '../../src/review/annotate.ts';

const change = (code: string, file: string, field: string): CodeChange => ({
  code, kind: 'changed', status: '404', category: 'not_found', file, line: 3, endLine: 3,
  fields: [{ field, path: [field], kind: 'text', before: 'a', after: 'b', diff: [{ value: 'a', removed: true }, { value: 'b', added: true }] }],
});
const review = (changed: CodeChange[]): Review => ({ base: 'main', added: [], changed, removed: [], renames: [], page: [], files: {}, lock: 'shipped.yaml' });

test('a newline in a file name, code or field cannot inject a workflow command', () => {
  const out = formatReviewGithub(review([change('x\n::add-mask::secret', 'codes/a\n::stop-commands::t.yaml', 'f\r\n::error::boom')]), []);
  assert.equal(out.split('\n').length, 1, out);
  assert.ok(out.startsWith('::notice file=codes/a%0A%3A%3Astop-commands%3A%3At.yaml,line=3,'), out);
});

test('property: one notice line per change whatever the text', () => {
  fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (code: string, file: string, field: string) => {
    const lines = formatReviewGithub(review([change(code, file, field)]), []).split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^::notice (file=[^,\r\n]+,line=3,)?title=[^:,\r\n]*::[^\r\n]*$/);
  }));
});

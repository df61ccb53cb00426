// The review report on the real catalog, as a maintainer's pull request would produce it:
// one branch adds a code, edits the third bullet of another's recovery list and deletes a
// third code. Every format must show the changed words whole and never invent a rename.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { branch, edit, errcat, read, remove, repo, write } from '../helpers/git-repo.ts';

const REPORT = readFileSync('tests/fixtures/review/report_not_found.yaml', 'utf8');
// Past the first 150 characters of the field: the old review cut it there.
const THIRD_BULLET = '  - If `upstream` is `anthropic` and the failure persists, check';

function maintainerBranch() {
  const dir = repo('catalog');
  branch(dir, 'maintainer', () => {
    write(dir, 'codes/report_not_found.yaml', REPORT);
    edit(dir, 'codes/upstream_unavailable.yaml', THIRD_BULLET, '  - If `upstream` is `anthropic` and the failure persists for a minute, first check');
    remove(dir, 'codes/memory_not_found.yaml');
  });
  return dir;
}

const dir = maintainerBranch();
const run = (...args: string[]) => errcat(dir, 'check', 'catalog', '--base', 'main', ...args);

test('text report: the changed words of a long field, whole; the added code in full; the removed code with what the check says', () => {
  const r = run();
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /review against main: 1 added, 1 changed, 1 removed/);
  // The whole recovery text, all five bullets, with the edit marked where it is.
  const recovery = read(dir, 'codes/upstream_unavailable.yaml').match(/recovery: \|-\n([\s\S]*?)\nretry:/)![1]!;
  assert.ok(recovery.length > 300);
  assert.match(r.out, /persists\{\+ for a minute\+\}, \{\+first \+\}check/);
  for (const line of recovery.split('\n').filter((l) => !l.includes('persists'))) assert.ok(r.out.includes(`      ${line.slice(2)}`), line);
  // The added code as a reader sees it.
  assert.match(r.out, /  added    report_not_found  404 Not Found, category not_found/);
  assert.match(r.out, /    summary:\n      No report with this ID exists for the calling user\./);
  assert.match(r.out, /    recovery:\n      - Report IDs are `rep_…`; list yours with `GET \/v1\/reports`\.\n      - Reports are generated asynchronously/);
  // The removed code: what was lost, and the check's verdict; no rename invented.
  assert.match(r.out, /  removed  memory_not_found  404 Not Found, category not_found\n    what was lost:\n    status: 404\n    category: not_found\n    summary:\n      No memory entry with this ID exists\./);
  assert.match(r.out, /    the check says: shipped-code-removed: shipped code "memory_not_found" was removed  hint: shipped codes stay forever/);
  assert.doesNotMatch(r.out, /renam/i);
});

test('Markdown report: words struck and inserted in the whole field, the added code in full, no rename', () => {
  const r = run('--format', 'markdown');
  assert.equal(r.code, 1);
  assert.match(r.out, /^<!-- errcat-review -->\n/);
  assert.match(r.out, /\*\*1 added · 1 changed · 1 removed\*\*/);
  assert.match(r.out, /persists<ins> for a minute<\/ins>, <ins>first <\/ins>check<br>/);
  assert.match(r.out, /resume\\-from\\-step\\-N for failed workflows in v1\\\./, 'the last words of the field are there');
  assert.match(r.out, /#### ➕ `report_not_found` added\n\n404 Not Found · category `not_found`/);
  assert.match(r.out, /\*\*`when`\*\*\n\n> No report exists with the given ID, or the report was generated for another user\\\./);
  assert.match(r.out, /#### ➖ `memory_not_found` removed[\s\S]*What was lost:[\s\S]*What the check says:\n\n- `catalog\/shipped\.yaml:13:1` \*\*error\*\* \[?`shipped-code-removed`/);
  assert.doesNotMatch(r.out, /renam/i);
  // No preview configured: no code links anywhere, least of all to production's errors page.
  assert.doesNotMatch(r.out, /docs\.amy\.health\/concepts\/errors/);
  assert.match(r.out, /No preview deployment is configured, so codes are not linked/);
});

test('JSON report: fields with both whole texts and the word diff; no rename', () => {
  const r = JSON.parse(run('--format', 'json').out);
  const changed = r.review.changed.find((c: { code: string }) => c.code === 'upstream_unavailable');
  const recovery = changed.fields.find((f: { field: string }) => f.field === 'recovery');
  assert.equal(recovery.kind, 'text');
  assert.ok(recovery.before.includes('persists, check') && recovery.after.includes('persists for a minute, first check'));
  assert.deepEqual(recovery.diff.filter((p: { added?: boolean }) => p.added).map((p: { value: string }) => p.value), [' for a minute', 'first ']);
  assert.deepEqual(r.review.renames, []);
  assert.deepEqual(r.review.added[0].fields.map((f: { field: string }) => f.field), ['status', 'category', 'summary', 'when', 'recovery', 'retry.when', 'retry.advice', 'sdk_class']);
  assert.ok(r.diagnostics.some((d: { rule: string }) => d.rule === 'shipped-code-removed'));
});

test('GitHub annotations: changed lines of changed files; nothing on the untouched lock', () => {
  const r = run('--format', 'github');
  const lines = r.out.trim().split('\n');
  assert.ok(!lines.some((l) => l.includes('file=catalog/shipped.yaml')), r.out);
  // The removal: job-level, the deleted file and the check's verdict in words.
  assert.ok(lines.some((l) => l.startsWith('::error title=shipped-code-removed::catalog/shipped.yaml:13:1: shipped code "memory_not_found" was removed (hint: shipped codes stay forever: restore codes/memory_not_found.yaml')), r.out);
  assert.ok(lines.includes('::notice title=removed memory_not_found::catalog/codes/memory_not_found.yaml was deleted: code memory_not_found (404) is no longer in the catalog.'), r.out);
  const recovery = lines.find((l) => l.includes('title=changed upstream_unavailable%3A recovery'))!;
  const at = Number(/line=(\d+)/.exec(recovery)![1]);
  // On the changed line of the text, not on the field's first line.
  assert.match(read(dir, 'codes/upstream_unavailable.yaml').split('\n')[at - 1]!, /persists for a minute, first check/);
  assert.match(recovery, /persists\{\+ for a minute\+\}, \{\+first \+\}check%0A/);
  assert.match(r.out, /^::notice file=catalog\/codes\/report_not_found\.yaml,line=1,endLine=15,title=added report_not_found::new error code \(404\): No report with this ID exists for the calling user\.$/m);
});

test('a removal that also edits the lock is annotated on the lock\'s changed line', () => {
  const d = repo('catalog');
  branch(d, 'unlock', () => {
    remove(d, 'codes/memory_not_found.yaml');
    edit(d, 'shipped.yaml', 'memory_not_found: { status: [404], category: not_found }\n', '');
  });
  const r = errcat(d, 'check', 'catalog', '--base', 'main', '--format', 'github');
  assert.match(r.out, /^::notice file=catalog\/shipped\.yaml,line=13,title=removed memory_not_found::catalog\/codes\/memory_not_found\.yaml was deleted/m);
  assert.match(r.out, /^::error file=catalog\/shipped\.yaml,line=1,col=1,title=shipped-lock-edited::shipped code "memory_not_found" was removed from the lock/m);
});

test('a real rename of the same entry is suggested, with how sure', () => {
  const d = repo('catalog');
  branch(d, 'rename', () => {
    write(d, 'codes/memory_entry_not_found.yaml', read(d, 'codes/memory_not_found.yaml').replaceAll('memory_not_found', 'memory_entry_not_found').replace('No memory entry with this ID exists.', 'No memory entry with this ID exists for you.'));
    remove(d, 'codes/memory_not_found.yaml');
  });
  const r = errcat(d, 'check', 'catalog', '--base', 'main');
  assert.match(r.out, /shipped-code-renamed  shipped code "memory_not_found" is gone and "memory_entry_not_found" looks like its new name \(9\d% of the content is the same: almost certain\)/);
  assert.match(r.out, /  removed  memory_not_found  .*\n    probably renamed to memory_entry_not_found/);
});

test('headers, examples, tables and retry: before and after; the example body as a line diff', () => {
  const d = repo('catalog');
  branch(d, 'headers', () => {
    edit(d, 'codes/rate_limit_exceeded.yaml', 'description: How many seconds to wait before retrying.', 'description: Whole seconds to wait before retrying.');
    edit(d, 'codes/rate_limit_exceeded.yaml', "example: '23'", "example: '30'");
    edit(d, 'codes/rate_limit_exceeded.yaml', '      Retry-After: 23', '      Retry-After: 30');
    edit(d, 'codes/rate_limit_exceeded.yaml', "      - [Per day, '5,000 requests']", "      - [Per day, '6,000 requests']");
    edit(d, 'codes/rate_limit_exceeded.yaml', '  max_attempts: 5', '  max_attempts: 3');
  });
  const r = errcat(d, 'check', 'catalog', '--base', 'main');
  assert.match(r.out, /    retry\.max_attempts: 5 -> 3\n/);
  assert.match(r.out, /    headers\[Retry-After\]\.description:\n      \[-How-\]\{\+Whole\+\} \[-many -\]seconds to wait before retrying\.\n/);
  assert.match(r.out, /    headers\[Retry-After\]\.example: 23 -> 30\n/);
  assert.match(r.out, /    tables\[1\]\.rows\[2\]\[2\]:\n      \[-5-\]\{\+6\+\},000 requests\n/);
  assert.match(r.out, /    examples\[1\]\.code:\n       HTTP\/1\.1 429 Too Many Requests\n      -Retry-After: 23\n      \+Retry-After: 30\n/);
});

test('catalog text is escaped in every format', () => {
  const d = repo();
  branch(d, 'hostile', () => {
    edit(d, 'codes/rate_limited.yaml', 'when: More than 60 requests in a minute.', 'when: "More <script>alert(1)</script> @octocat [x](javascript:alert(1)) \\u001b[31mred\\n::error::injected"');
  });
  const md = errcat(d, 'check', 'catalog', '--base', 'main', '--format', 'markdown').out;
  // Outside code spans (where text is literal), nothing of it can act.
  const prose = md.replace(/(`+)[\s\S]*?\1/g, '');
  assert.doesNotMatch(prose, /<script>/);
  assert.doesNotMatch(prose, /@octocat/);
  assert.doesNotMatch(prose, /\]\(javascript/);
  assert.match(md, /&lt;script&gt;/);
  const gh = errcat(d, 'check', 'catalog', '--base', 'main', '--format', 'github').out;
  assert.ok(!gh.split('\n').some((l) => l.startsWith('::error::injected')), gh);
  const text = errcat(d, 'check', 'catalog', '--base', 'main').out;
  assert.doesNotMatch(text, /\u001b/);
  assert.match(text, /\\u001b\[31mred/);
});

test('preview links go to the preview, never production; a bad URL is misuse; a long report moves its details out', () => {
  const withPreview = run('--format', 'markdown', '--preview-url', 'https://pr-42.preview.test');
  assert.match(withPreview.out, /\[`report_not_found`\]\(<https:\/\/pr-42\.preview\.test\/concepts\/errors#report_not_found>\)/);
  assert.doesNotMatch(withPreview.out, /docs\.amy\.health\/concepts/);
  const bad = run('--format', 'markdown', '--preview-url', 'not a url');
  assert.equal(bad.code, 2);
  assert.match(bad.out, /--preview-url "not a url" is not a URL/);
  const short = run('--format', 'markdown', '--max-chars', '3000', '--artifact-url', 'https://github.test/o/r/actions/runs/1');
  assert.ok(short.out.length < 3000, `${short.out.length}`);
  assert.match(short.out, /The field-by-field report \([\d,]+ characters\) is too long for here/);
  assert.match(short.out, /\| ➕ added \| `report_not_found` \| 404 \| new code \|/);
});

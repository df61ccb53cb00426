// The pull-request comment as the privileged workflow posts it: the body is the review
// errcat renders for a real change (the fixture branch below), one comment found again by
// its marker and updated on the next push, never posted on a pull request whose head is not
// the reviewed commit, and a read-only token degrades to the job summary.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MARKER, postReview } from '../../.github/scripts/sticky-comment.mjs';
import { branch, edit, errcat, repo } from '../helpers/git-repo.ts';

const SHA = 'a'.repeat(40);

function artifact(pr: string): string {
  const dir = repo();
  branch(dir, 'pr', () => edit(dir, 'codes/rate_limited.yaml', 'Back off exponentially.', 'Back off exponentially, with jitter.'));
  const r = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'markdown', '--max-chars', '60000', '--artifact-url', 'https://github.test/o/r/actions/runs/9');
  assert.equal(r.code, 0, r.out);
  const out = mkdtempSync(join(tmpdir(), 'review-artifact-'));
  writeFileSync(join(out, 'comment.md'), r.out);
  writeFileSync(join(out, 'pr-number'), `${pr}\n`);
  return out;
}

/** A GitHub API double that keeps comments in memory, as the REST API would. */
function fakeGithub(opts: { headSha?: string; forbidden?: boolean } = {}) {
  const comments: { id: number; body: string; user: { type: string } }[] = [{ id: 1, body: 'LGTM', user: { type: 'User' } }];
  const calls: string[] = [];
  const deny = () => {
    if (opts.forbidden) throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
  };
  const github = {
    paginate: async (fn: (p: unknown) => Promise<{ data: unknown[] }>, params: unknown) => (await fn(params)).data,
    rest: {
      pulls: { get: async ({ pull_number }: { pull_number: number }) => ({ data: { number: pull_number, head: { sha: opts.headSha ?? SHA } } }) },
      issues: {
        listComments: async () => ({ data: comments.map((c) => ({ ...c })) }),
        createComment: async ({ body }: { body: string }) => {
          calls.push('create');
          deny();
          comments.push({ id: comments.length + 1, body, user: { type: 'Bot' } });
        },
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
          calls.push(`update ${comment_id}`);
          comments.find((c) => c.id === comment_id)!.body = body;
        },
      },
    },
  };
  const summary: string[] = [];
  const core = {
    warning: (m: string) => summary.push(`warning: ${m}`),
    summary: { addRaw(s: string) { summary.push(s); return this; }, async write() {} },
  };
  return { github, core, comments, calls, summary, context: { repo: { owner: 'o', repo: 'r' } } };
}

test('one comment, created on the first push and updated on the next', async () => {
  const dir = artifact('42');
  const gh = fakeGithub();
  const run = () => postReview({ ...gh, dir, headSha: SHA, runUrl: 'https://github.test/o/r/actions/runs/9' });
  assert.equal(await run(), 'created');
  assert.equal(await run(), 'updated');
  assert.deepEqual(gh.calls, ['create', 'update 2']);
  const bots = gh.comments.filter((c) => c.user.type === 'Bot');
  assert.equal(bots.length, 1);
  const body = bots[0]!.body;
  assert.ok(body.startsWith(MARKER));
  assert.match(body, /\*\*0 added · 1 changed · 0 removed\*\*/);
  assert.match(body, /✅ The check passed/);
  assert.match(body, /Back off exponentially<ins>, with jitter<\/ins>\\\./);
  assert.match(body, /\[workflow run's artifacts\]\(<https:\/\/github\.test\/o\/r\/actions\/runs\/9>\)/);
});

test('refuses a pull request whose head is not the reviewed commit', async () => {
  const gh = fakeGithub({ headSha: 'b'.repeat(40) });
  await assert.rejects(postReview({ ...gh, dir: artifact('42'), headSha: SHA, runUrl: '' }), /not at the reviewed commit/);
  assert.deepEqual(gh.calls, []);
});

test('a token without write access puts the review in the job summary and says so', async () => {
  const gh = fakeGithub({ forbidden: true });
  assert.equal(await postReview({ ...gh, dir: artifact('7'), headSha: SHA, runUrl: '' }), 'summary');
  assert.match(gh.summary.join('\n'), /could not comment on #7 \(HTTP 403/);
  assert.match(gh.summary.join('\n'), /Back off exponentially<ins>, with jitter<\/ins>/);
});

test('an artifact with a forged pull-request number is refused', async () => {
  const gh = fakeGithub();
  await assert.rejects(postReview({ ...gh, dir: artifact('1; rm -rf /'), headSha: SHA, runUrl: '' }), /not a pull-request number/);
});

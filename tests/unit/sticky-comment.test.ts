// The pull-request comment as the privileged job posts it: the body is the review the base
// branch's errcat renders for a real change (the fixture branch below), one comment found
// again by its marker and its author (this token's own identity) and updated on the next
// push, never posted on a pull request whose head is not the reviewed commit; the artifact
// from the untrusted build may hold a pull-request number and nothing else; a read-only
// token degrades to the job summary.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ACTIONS_BOT, ARTIFACT_ZIP_BYTES, checkArtifactSize, MARKER, postReview, pullRequestOf, readArtifact } from '../../.github/scripts/sticky-comment.mjs';
import { branch, edit, errcat, repo } from '../helpers/git-repo.ts';

const SHA = 'a'.repeat(40);
const RUN = 'https://github.test/o/r/actions/runs/9';

/** The review of a real change, as the trusted errcat writes it to a file. */
function reviewFile(): string {
  const dir = repo();
  branch(dir, 'pr', () => edit(dir, 'codes/rate_limited.yaml', 'Back off exponentially.', 'Back off exponentially, with jitter.'));
  const r = errcat(dir, 'check', 'catalog', '--base', 'main', '--format', 'markdown', '--max-chars', '60000', '--artifact-url', RUN);
  assert.equal(r.code, 0, r.out);
  const file = join(mkdtempSync(join(tmpdir(), 'review-body-')), 'comment.md');
  writeFileSync(file, r.out);
  return file;
}
const FILE = reviewFile();

function artifact(files: Record<string, string> = { 'pr-number': '42\n' }): string {
  const out = mkdtempSync(join(tmpdir(), 'review-artifact-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  return out;
}

type Comment = { id: number; body: string; user: { login: string; type: string } };

/** A GitHub API double that keeps comments in memory, as the REST API would. */
function fakeGithub(opts: { headSha?: string; forbidden?: boolean; login?: string; comments?: Comment[] } = {}) {
  const comments: Comment[] = [{ id: 1, body: 'LGTM', user: { login: 'alice', type: 'User' } }, ...(opts.comments ?? [])];
  const calls: string[] = [];
  const deny = () => {
    if (opts.forbidden) throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
  };
  const me = opts.login ?? ACTIONS_BOT;
  const github = {
    paginate: async (fn: (p: unknown) => Promise<{ data: unknown[] }>, params: unknown) => (await fn(params)).data,
    rest: {
      pulls: { get: async ({ pull_number }: { pull_number: number }) => ({ data: { number: pull_number, head: { sha: opts.headSha ?? SHA }, base: { ref: 'main' } } }) },
      users: {
        // GITHUB_TOKEN may not ask who it is; another token may.
        getAuthenticated: async () => {
          if (!opts.login) throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
          return { data: { login: opts.login } };
        },
      },
      issues: {
        listComments: async () => ({ data: comments.map((c) => ({ ...c })) }),
        createComment: async ({ body }: { body: string }) => {
          calls.push('create');
          deny();
          comments.push({ id: comments.length + 1, body, user: { login: me, type: 'Bot' } });
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
  const gh = fakeGithub();
  const { number, baseRef } = await pullRequestOf({ ...gh, dir: artifact(), headSha: SHA });
  assert.deepEqual([number, baseRef], [42, 'main']);
  const run = () => postReview({ ...gh, number, file: FILE, runUrl: RUN });
  assert.equal(await run(), 'created');
  assert.equal(await run(), 'updated');
  assert.deepEqual(gh.calls, ['create', 'update 2']);
  const mine = gh.comments.filter((c) => c.user.login === ACTIONS_BOT);
  assert.equal(mine.length, 1);
  const body = mine[0]!.body;
  assert.ok(body.startsWith(MARKER));
  assert.match(body, /\*\*0 added · 1 changed · 0 removed\*\*/);
  assert.match(body, /✅ The check passed/);
  assert.match(body, /Back off exponentially<ins>, with jitter<\/ins>\\\./);
  assert.match(body, /\[workflow run's artifacts\]\(<https:\/\/github\.test\/o\/r\/actions\/runs\/9>\)/);
});

test("another bot's comment that starts with the marker is never edited", async () => {
  const forged: Comment = { id: 2, body: `${MARKER}\nposted by some other app`, user: { login: 'other-app[bot]', type: 'Bot' } };
  const gh = fakeGithub({ comments: [forged] });
  assert.equal(await postReview({ ...gh, number: 42, file: FILE, runUrl: RUN }), 'created');
  assert.equal(gh.comments.find((c) => c.id === 2)!.body, `${MARKER}\nposted by some other app`);
  assert.deepEqual(gh.calls, ['create']);
});

test('a token that can say who it is edits only its own comment', async () => {
  const gh = fakeGithub({ login: 'errcat-app[bot]', comments: [{ id: 2, body: `${MARKER}\nold`, user: { login: ACTIONS_BOT, type: 'Bot' } }] });
  assert.equal(await postReview({ ...gh, number: 42, file: FILE, runUrl: RUN }), 'created');
  assert.equal(await postReview({ ...gh, number: 42, file: FILE, runUrl: RUN }), 'updated');
  assert.deepEqual(gh.calls, ['create', 'update 3']);
});

test("a GitHub App's token, which cannot say who it is, names its login: only that login's comment is edited", async () => {
  const gh = fakeGithub({ comments: [{ id: 2, body: `${MARKER}\nold`, user: { login: ACTIONS_BOT, type: 'Bot' } }, { id: 3, body: `${MARKER}\nmine`, user: { login: 'errcat-app[bot]', type: 'Bot' } }] });
  assert.equal(await postReview({ ...gh, number: 42, file: FILE, runUrl: RUN, author: 'errcat-app[bot]' }), 'updated');
  assert.deepEqual(gh.calls, ['update 3']);
  assert.equal(gh.comments.find((c) => c.id === 2)!.body, `${MARKER}\nold`);
});

test('refuses a pull request whose head is not the reviewed commit', async () => {
  const gh = fakeGithub({ headSha: 'b'.repeat(40) });
  await assert.rejects(pullRequestOf({ ...gh, dir: artifact(), headSha: SHA }), /not at the reviewed commit/);
});

test('a token without write access puts the review in the job summary and says so', async () => {
  const gh = fakeGithub({ forbidden: true });
  assert.equal(await postReview({ ...gh, number: 7, file: FILE, runUrl: RUN }), 'summary');
  assert.match(gh.summary.join('\n'), /could not comment on #7 \(HTTP 403/);
  assert.match(gh.summary.join('\n'), /Back off exponentially<ins>, with jitter<\/ins>/);
});

test('an empty review is not posted', async () => {
  const gh = fakeGithub();
  const file = join(artifact({ 'comment.md': '' }), 'comment.md');
  await assert.rejects(postReview({ ...gh, number: 7, file, runUrl: RUN }), /empty/);
  assert.deepEqual(gh.calls, []);
});

test('the artifact holds a pull-request number and nothing else', () => {
  assert.equal(readArtifact(artifact({ 'pr-number': '42\n' })), 42);
  assert.throws(() => readArtifact(artifact({ 'pr-number': '1; rm -rf /' })), /not a pull-request number/);
  assert.throws(() => readArtifact(artifact({ 'pr-number': '0' })), /not a pull-request number/);
  assert.throws(() => readArtifact(artifact({ 'pr-number': `${'4'.repeat(40)}` })), /larger than 32 bytes/);
  assert.throws(() => readArtifact(artifact({ 'pr-number': '42', 'comment.md': 'forged' })), /must hold only pr-number/);
  assert.throws(() => readArtifact(artifact({})), /must hold only pr-number/);
  const link = artifact({});
  writeFileSync(join(link, 'target'), '42');
  symlinkSync(join(link, 'target'), join(link, 'x'));
  const linked = mkdtempSync(join(tmpdir(), 'review-artifact-'));
  symlinkSync(join(link, 'target'), join(linked, 'pr-number'));
  assert.throws(() => readArtifact(linked), /not a regular file/);
  const nested = artifact({});
  mkdirSync(join(nested, 'pr-number'));
  assert.throws(() => readArtifact(nested), /not a regular file/);
});

test('the artifact is refused before download when it is large or not the only one of its name', async () => {
  const run = (artifacts: { name: string; size_in_bytes: number }[]) => {
    const github = { paginate: async () => artifacts, rest: { actions: { listWorkflowRunArtifacts: () => {} } } };
    return checkArtifactSize({ github, context: { repo: { owner: 'o', repo: 'r' } }, runId: 9, name: 'catalog-review' });
  };
  await run([{ name: 'catalog-review', size_in_bytes: 150 }, { name: 'site-preview', size_in_bytes: 5e6 }]);
  await assert.rejects(run([{ name: 'catalog-review', size_in_bytes: ARTIFACT_ZIP_BYTES + 1 }]), /more than 1024: not downloading it/);
  await assert.rejects(run([]), /0 artifacts named catalog-review/);
  await assert.rejects(run([{ name: 'catalog-review', size_in_bytes: 10 }, { name: 'catalog-review', size_in_bytes: 10 }]), /2 artifacts/);
});

// Post the catalog review on its pull request as one comment, updated on every push.
// Runs in the privileged comment mode of action.yml (a workflow_run job) through
// actions/github-script. The artifact it reads came from the untrusted pull-request build,
// so it carries one thing only, the pull-request number, which is validated and checked
// against the run's head commit. The comment's text is written by the base branch's own
// errcat in that job, never by the pull request's code.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MARKER = '<!-- errcat-review -->';
/** GitHub refuses comments past 65,536 characters. */
export const MAX_BODY = 65_000;
/** The one file the review artifact may hold, and its largest size in bytes. */
export const ARTIFACT = { file: 'pr-number', maxBytes: 32 };
/**
 * The review artifact's zip, at most: a pull-request number zips to about 150 bytes, and
 * deflate expands at most about 1,000 times, so nothing large is ever extracted.
 */
export const ARTIFACT_ZIP_BYTES = 1024;
/** Who posts with the workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * The pull-request number in the review artifact at `dir`. The artifact is hostile: exactly
 * one regular file (no symlink, no directory, nothing else), a few bytes, digits only.
 * @param {string} dir
 * @returns {number}
 */
export function readArtifact(dir) {
  const names = readdirSync(dir);
  if (names.length !== 1 || names[0] !== ARTIFACT.file) throw new Error(`the review artifact must hold only ${ARTIFACT.file}, not ${JSON.stringify(names.slice(0, 5))}`);
  const path = join(dir, ARTIFACT.file);
  const stat = lstatSync(path);
  if (!stat.isFile()) throw new Error(`${ARTIFACT.file} in the review artifact is not a regular file`);
  if (stat.size > ARTIFACT.maxBytes) throw new Error(`${ARTIFACT.file} in the review artifact is larger than ${ARTIFACT.maxBytes} bytes`);
  const text = readFileSync(path, 'utf8').trim();
  const number = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(number > 0)) throw new Error('pr-number in the artifact is not a pull-request number');
  return number;
}

/**
 * Before downloading it: the run has exactly one artifact of that name, and it is small.
 * @param {{ github: any, context: any, runId: number, name: string }} o
 */
export async function checkArtifactSize({ github, context, runId, name }) {
  const { owner, repo } = context.repo;
  const artifacts = await github.paginate(github.rest.actions.listWorkflowRunArtifacts, { owner, repo, run_id: runId, per_page: 100 });
  const found = artifacts.filter((a) => a.name === name);
  if (found.length !== 1) throw new Error(`run ${runId} has ${found.length} artifacts named ${name}, not one`);
  if (!(found[0].size_in_bytes <= ARTIFACT_ZIP_BYTES)) throw new Error(`the ${name} artifact is ${found[0].size_in_bytes} bytes, more than ${ARTIFACT_ZIP_BYTES}: not downloading it`);
}

/**
 * The pull request the artifact names, only when its head is the reviewed commit.
 * @param {{ github: any, context: any, dir: string, headSha: string }} o
 * @returns {Promise<{ number: number, baseRef: string }>}
 */
export async function pullRequestOf({ github, context, dir, headSha }) {
  const number = readArtifact(dir);
  const { owner, repo } = context.repo;
  const { data: pr } = await github.rest.pulls.get({ owner, repo, pull_number: number });
  if (pr.head.sha !== headSha) throw new Error(`pull request #${number} is at ${pr.head.sha}, not at the reviewed commit ${headSha}: not commenting`);
  return { number, baseRef: pr.base.ref };
}

/**
 * The login the token posts as: the GitHub Actions bot for GITHUB_TOKEN (which may not ask),
 * the user or app for any other token.
 */
async function ownLogin(github) {
  try {
    const { data } = await github.rest.users.getAuthenticated();
    if (typeof data?.login === 'string') return data.login;
  } catch {
    // GITHUB_TOKEN is an installation token: GET /user answers 403.
  }
  return ACTIONS_BOT;
}

/**
 * @param {{ github: any, context: any, core: any, number: number, file: string, runUrl: string, author?: string }} o
 *   author: the login the token posts as, when it cannot say (a GitHub App's installation token).
 * @returns {Promise<'created' | 'updated' | 'summary'>}
 */
export async function postReview({ github, context, core, number, file, runUrl, author }) {
  let body = readFileSync(file, 'utf8');
  if (!body.trim()) throw new Error(`${file} is empty: the check wrote no review`);
  if (!body.startsWith(MARKER)) body = `${MARKER}\n${body}`;
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n… cut at ${MAX_BODY} characters: the whole report is in the [workflow run](${runUrl}).\n`;
  const { owner, repo } = context.repo;
  try {
    const me = author || (await ownLogin(github));
    const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
    // Only a comment this token wrote: another bot's comment that starts with the marker is not ours to edit.
    const mine = comments.find((c) => c.user?.login === me && typeof c.body === 'string' && c.body.startsWith(MARKER));
    if (mine) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
      return 'updated';
    }
    await github.rest.issues.createComment({ owner, repo, issue_number: number, body });
    return 'created';
  } catch (e) {
    // No write access (a token restricted to read by the repository or organisation settings):
    // the report goes to this job's summary instead, and says why.
    if (e?.status !== 403 && e?.status !== 404) throw e;
    core.warning(`Could not comment on pull request #${number} (HTTP ${e.status}): the review is in this run's summary.`);
    await core.summary
      .addRaw(`> [!NOTE]\n> This workflow could not comment on #${number} (HTTP ${e.status}: the token has no write access to pull requests). The review is below.\n\n`)
      .addRaw(body)
      .write();
    return 'summary';
  }
}

// Post the catalog review on its pull request as one comment, updated on every push.
// Runs in the privileged workflow_run job (catalog-review-comment.yml) through
// actions/github-script; everything it reads (the artifact) came from the untrusted
// pull-request build, so the pull-request number is checked against the run's head commit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MARKER = '<!-- errcat-review -->';
/** GitHub refuses comments past 65,536 characters. */
export const MAX_BODY = 65_000;

/**
 * @param {{ github: any, context: any, core: any, dir: string, headSha: string, runUrl: string }} o
 * @returns {Promise<'created' | 'updated' | 'summary'>}
 */
export async function postReview({ github, context, core, dir, headSha, runUrl }) {
  const number = Number(readFileSync(join(dir, 'pr-number'), 'utf8').trim());
  if (!Number.isSafeInteger(number) || number <= 0) throw new Error('pr-number in the artifact is not a pull-request number');
  let body = readFileSync(join(dir, 'comment.md'), 'utf8');
  if (!body.startsWith(MARKER)) body = `${MARKER}\n${body}`;
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n… cut at ${MAX_BODY} characters: the whole report is in the [workflow run](${runUrl}).\n`;
  const { owner, repo } = context.repo;
  const { data: pr } = await github.rest.pulls.get({ owner, repo, pull_number: number });
  if (pr.head.sha !== headSha) throw new Error(`pull request #${number} is at ${pr.head.sha}, not at the reviewed commit ${headSha}: not commenting`);
  try {
    const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
    const mine = comments.find((c) => c.user?.type === 'Bot' && typeof c.body === 'string' && c.body.startsWith(MARKER));
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

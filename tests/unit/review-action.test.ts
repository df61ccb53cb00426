// The comment mode of action.yml, its own shell step run as the runner would (bash -eo pipefail): in a clone of
// a pull request whose code tries to write the comment itself (its own errcat, npm scripts,
// node_modules/.bin) and whose catalog links out of the repository. The comment must be
// the review the action's own errcat writes, and the link must not be followed.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { branch, edit, remove, repo } from '../helpers/git-repo.ts';

type Step = { name?: string; run?: string; env?: Record<string, string>; 'working-directory'?: string };
const steps = (parse(readFileSync('action.yml', 'utf8')) as { runs: { steps: Step[] } }).runs.steps;
const review = steps.find((s) => s.name === "Review the pull request's catalog with the trusted errcat")!;
const report = steps.find((s) => s.name === 'Review report')!;

const FORGED = '<!-- errcat-review -->\n✅ forged: the check passed @octocat <img src=https://evil.test/p.png>\n';

/** A pull request whose code would forge the comment if anything ran it. */
function hostilePullRequest(): string {
  const origin = repo();
  branch(origin, 'pr', () => {
    edit(origin, 'codes/rate_limited.yaml', 'Back off exponentially.', 'Back off exponentially, with jitter.');
    const forge = `process.stdout.write(${JSON.stringify(FORGED)});\n`;
    for (const f of ['bin/errcat.js', 'node_modules/.bin/errcat', 'node_modules/error-reference/bin/errcat.js']) {
      mkdirSync(join(origin, dirname(f)), { recursive: true });
      writeFileSync(join(origin, f), `#!/usr/bin/env node\n${forge}`, { mode: 0o755 });
    }
    writeFileSync(join(origin, 'package.json'), JSON.stringify({ name: 'x', bin: { errcat: 'bin/errcat.js' }, scripts: { preinstall: 'echo pwned > /tmp/pwned', prepare: 'echo pwned' } }));
    symlinkSync('/etc/passwd', join(origin, 'catalog/codes/leak.yaml'));
    symlinkSync('../../.git/config', join(origin, 'catalog/codes/git.yaml'));
    symlinkSync('rate_limited.yaml', join(origin, 'catalog/codes/alias.yaml'));
  });
  // Checked out as the action does: a clone whose origin has the base branch.
  const clone = mkdtempSync(join(tmpdir(), 'errcat-pr-'));
  execFileSync('git', ['clone', '-q', '--branch', 'pr', origin, clone]);
  return clone;
}

test('comment mode: the comment is the action\'s own errcat review of the pull request, not what its code prints', { timeout: 120_000 }, () => {
  const dir = hostilePullRequest();
  const temp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
  mkdirSync(join(temp, 'errcat-review'));
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', review.run!], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: `${join(dir, 'node_modules/.bin')}:${dirname(process.execPath)}:${process.env.PATH}`,
      HOME: process.env.HOME,
      RUNNER_TEMP: temp,
      CATALOG: 'catalog',
      BASE_REF: 'main',
      PR_NUMBER: '42',
      MAX_CHARS: '60000',
      PREVIEW_URL_TEMPLATE: 'https://deploy-preview-{pr}.example.app',
      RUN_URL: 'https://github.test/o/r/actions/runs/9',
      ERRCAT_ACTION_PATH: resolve('.'),
    },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const comment = readFileSync(join(temp, 'errcat-review/comment.md'), 'utf8');
  assert.doesNotMatch(comment, /forged|evil\.test|@octocat/);
  assert.match(comment, /^<!-- errcat-review -->\n### Error catalog review against `origin\/main`/);
  assert.match(comment, /Back off exponentially<ins>, with jitter<\/ins>/);
  assert.match(comment, /Links go to the preview of this change: https\\:\/\/deploy\\-preview\\-42\\\.example\\\.app/);
  // The symlink out of the checkout was removed before errcat read anything, and the run says so.
  for (const link of ['leak.yaml', 'git.yaml']) assert.throws(() => lstatSync(join(dir, 'catalog/codes', link)), /ENOENT/, link);
  assert.ok(lstatSync(join(dir, 'catalog/codes/alias.yaml')).isSymbolicLink(), 'a link inside the pull request stays');
  assert.equal(r.stdout.match(/::warning title=errcat review::a symlink leading out of the pull request's files was not followed/g)?.length, 2, r.stdout);
  assert.doesNotMatch(comment, /root:|\[core\]/);
});

/** Runs a step's script as the runner does, with `npx errcat` meaning this checkout's errcat. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  const bin = mkdtempSync(join(tmpdir(), 'bin-'));
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = errcat ] || exit 127\nshift\nexec "${process.execPath}" "${resolve('bin/errcat.js')}" "$@"\n`, { mode: 0o755 });
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME, ...env },
  });
}

test('review mode: the job summary stays under 1 MiB for a review past 1 MiB, the whole report goes to its own artifact, the comment artifact holds only the number', { timeout: 300_000 }, () => {
  const dir = repo();
  branch(dir, 'pr', () => {
    remove(dir, 'codes/thing_not_found.yaml');
    const text = readFileSync(join(dir, 'catalog/codes/rate_limited.yaml'), 'utf8');
    for (let i = 0; i < 1200; i++) writeFileSync(join(dir, `catalog/codes/code_${i}.yaml`), text.replaceAll('rate_limited', `code_${i}`));
  });
  execFileSync('git', ['update-ref', 'refs/remotes/origin/main', 'main'], { cwd: dir });
  const temp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
  const summary = join(temp, 'summary.md');
  const r = runStep(report, dir, { RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary, CATALOG: 'catalog', BASE_REF: 'main', PR_NUMBER: '42', PREVIEW_URL_TEMPLATE: '', RUN_URL: 'https://github.test/o/r/actions/runs/9' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const full = statSync(join(temp, 'errcat-review/report/full.md')).size;
  assert.ok(full > 1024 * 1024, `the whole report: ${full} bytes, more than a summary holds`);
  const size = statSync(summary).size;
  assert.ok(size < 1024 * 1024, `job summary: ${size} bytes`);
  assert.match(readFileSync(summary, 'utf8'), /shipped-code-removed/);
  assert.deepEqual(readdirSync(join(temp, 'errcat-review/artifact')), ['pr-number']);
  assert.equal(readFileSync(join(temp, 'errcat-review/artifact/pr-number'), 'utf8'), '42\n');
});

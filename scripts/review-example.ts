// The review example of the manual's review page (REVIEW_PAGE), produced by running errcat on a real change: a
// temporary git repository with the catalog on `main` and a branch that deprecates one
// code, edits the third bullet of another's recovery text, and adds a third code.
//
//   node scripts/review-example.ts           print the example
//   node scripts/review-example.ts --write   replace it in that page
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REVIEW_PAGE } from './docs/site.ts';

const ERRCAT = resolve('bin/errcat.js');
const START = '<!-- review-example:start (scripts/review-example.ts) -->';
const END = '<!-- review-example:end -->';

export function reviewExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-example-'));
  try {
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=e', '-c', 'user.email=e@e', ...a], { cwd: dir, stdio: 'pipe' });
    cpSync('catalog', join(dir, 'catalog'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'change');
    const edit = (file: string, find: string, replace: string) => {
      const p = join(dir, 'catalog', file);
      const text = readFileSync(p, 'utf8');
      if (!text.includes(find)) throw new Error(`${find} not in ${file}`);
      writeFileSync(p, text.replace(find, replace));
    };
    edit('codes/upstream_unavailable.yaml', 'and the failure persists, check', 'and the failure persists for a minute, first check');
    edit('codes/turn_events_expired.yaml', '\nretry:', '\nlifecycle:\n  state: deprecated\n  since: 2026-11-01\n  replacement: turn_not_found\nretry:');
    cpSync('tests/fixtures/review/report_not_found.yaml', join(dir, 'catalog/codes/report_not_found.yaml'));
    git('add', '.');
    git('commit', '-qm', 'change');
    const r = spawnSync(process.execPath, [ERRCAT, 'check', 'catalog', '--base', 'main'], { cwd: dir, encoding: 'utf8' });
    return `$ npx errcat check --base main\n${r.stdout}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function shownExample(page: string): string | undefined {
  const from = page.indexOf(`${START}\n\`\`\`text\n`);
  const to = page.indexOf(`\`\`\`\n${END}`);
  return from < 0 || to < from ? undefined : page.slice(from + START.length + 9, to);
}

if (import.meta.main) {
  const example = reviewExample();
  if (!process.argv.includes('--write')) process.stdout.write(example);
  else {
    const page = readFileSync(REVIEW_PAGE, 'utf8');
    if (shownExample(page) === undefined) throw new Error(`${REVIEW_PAGE} has no ${START} block`);
    const old = shownExample(page)!;
    writeFileSync(REVIEW_PAGE, page.replace(`${START}\n\`\`\`text\n${old}\`\`\`\n${END}`, () => `${START}\n\`\`\`text\n${example}\`\`\`\n${END}`));
  }
}

// The contract changelog on a phone (390 px): one card per release, newest first, each
// with what it added, deprecated and retired (a lock that recorded its lifecycle changes
// as they shipped), nothing wider than the screen. Builds and serves its own catalog.
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4391) + 6;
const BASE = `http://localhost:${PORT}`;
const DIR = '.tmp/e2e/catalog-changelog';
const OUT = '.tmp/e2e/dist-changelog';
let server: ChildProcess | undefined;

/** The mini catalog shipped over four releases, with a deprecation in v1.4 and a retirement in v1.10. */
function shipHistory(): void {
  rmSync(DIR, { recursive: true, force: true });
  cpSync('tests/fixtures/mini', DIR, { recursive: true });
  const rate = readFileSync(join(DIR, 'codes/rate_limited.yaml'), 'utf8');
  const add = (code: string) => writeFileSync(join(DIR, `codes/${code}.yaml`), rate.replaceAll('rate_limited', code));
  const edit = (code: string, from: string, to: string) => {
    const path = join(DIR, `codes/${code}.yaml`);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };
  const ship = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/errcat.js', 'ship', DIR, ...args], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  };
  ship('--backfill', '--version', 'v1', '--date', '2026-06-01');
  add('quota_exhausted_for_organisation');
  ship('--version', 'v1.3', '--date', '2026-11-20');
  add('slow_down');
  edit('thing_not_found', 'retry:\n', 'lifecycle:\n  state: deprecated\n  since: 2026-12-01\nretry:\n');
  ship('--version', 'v1.4', '--date', '2026-12-05');
  add('concurrency_limit_exceeded_for_workspace');
  edit('thing_not_found', 'state: deprecated', 'state: retired');
  ship('--version', 'v1.10', '--date', '2027-01-15');
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(300_000);
  shipHistory();
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--catalog', DIR, '--out', OUT], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  server = spawn(process.execPath, ['scripts/serve.ts', OUT, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server!.stdout!.once('data', ok));
});
test.afterAll(() => {
  server?.kill();
});

test('390 px: one card per release, newest first, with what each added, deprecated and retired', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE}/errors/#error-contract-changelog`);
  const rows = page.locator('.ec-changelog tbody tr');
  await expect(rows).toHaveCount(4);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-release')))).toEqual(['v1.10', 'v1.4', 'v1.3', 'v1']);
  const cell = (release: string, kind: string) => page.locator(`.ec-changelog tr[data-release="${release}"] td[data-kind="${kind}"]`);
  await expect(cell('v1.10', 'added')).toHaveText('concurrency_limit_exceeded_for_workspace');
  await expect(cell('v1.10', 'retired')).toHaveText('thing_not_found');
  await expect(cell('v1.4', 'added')).toHaveText('slow_down');
  await expect(cell('v1.4', 'deprecated')).toHaveText('thing_not_found');
  // Stacked: each list under its label, an empty one left out, the cards as wide as the screen at most.
  await expect(cell('v1.4', 'retired')).toBeHidden();
  for (const r of await rows.all()) await r.scrollIntoViewIfNeeded();
  const layout = await page.evaluate(() => {
    const box = (el: Element) => el.getBoundingClientRect();
    const tds = [...document.querySelectorAll('.ec-changelog td')].filter((td) => box(td).height > 0);
    return {
      pageWidth: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('.ec-changelog :is(tr, td, code)')].map((e) => box(e).right)),
      labels: tds.map((td) => getComputedStyle(td, '::before').content),
      // Stacked: the release heading sits above its lists, not beside them.
      stacked: [...document.querySelectorAll('.ec-changelog tbody tr')].every((tr) => box(tr.querySelector('th')!).bottom <= box(tr.querySelector('td:not(:empty)') ?? tr).top + 1),
    };
  });
  expect(layout.pageWidth).toBe(390);
  expect(layout.widest).toBeLessThanOrEqual(390);
  expect(layout.labels.slice(0, 4)).toEqual(['"Added"', '"Retired"', '"Added"', '"Deprecated"']);
  expect(layout.stacked).toBe(true);
});

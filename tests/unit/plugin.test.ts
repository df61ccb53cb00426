// The Starlight plugin's contract, called the way Starlight calls it: it checks only for
// `build` and `dev`, resolves `catalog` against the Astro root, fails with an AstroError
// carrying the diagnostics, leaves the site's title alone unless asked, validates its
// options, and places the sidebar link where configured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import starlightErrorCatalog from '../../src/plugin/index.ts';
import { withErrorsPage } from '../../src/plugin/sidebar.ts';
import { mutateFixture } from './helpers.ts';

type Entry = StarlightRouteData['sidebar'][number];
type Setup = NonNullable<ReturnType<typeof starlightErrorCatalog>['hooks']['config:setup']>;

/** Runs the plugin's config:setup with a recording context; returns what it asked for. */
function setup(options: Parameters<typeof starlightErrorCatalog>[0], command: string, root: string, siteIntegrations: string[] = []) {
  const calls = { updateConfig: [] as Record<string, unknown>[], integrations: [] as string[], middleware: 0 };
  const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: 'test', options: {} };
  const context = {
    astroConfig: { root: pathToFileURL(`${root}/`), integrations: siteIntegrations.map((name) => ({ name, hooks: {} })) },
    command,
    config: { title: 'My docs' },
    logger,
    updateConfig: (c: Record<string, unknown>) => calls.updateConfig.push(c),
    addIntegration: (i: { name: string }) => calls.integrations.push(i.name),
    addRouteMiddleware: () => calls.middleware++,
  };
  const hook = starlightErrorCatalog(options).hooks['config:setup'] as Setup;
  return { run: () => hook(context as unknown as Parameters<Setup>[0]), calls };
}

test('preview and sync do not read the catalog', () => {
  for (const command of ['preview', 'sync']) {
    const { run, calls } = setup({ catalog: 'no/such/dir' }, command, tmpdir());
    run();
    assert.deepEqual(calls, { updateConfig: [], integrations: [], middleware: 0 });
  }
});

test('`catalog` resolves against the Astro root, not the working directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'root-'));
  cpSync('tests/fixtures/mini', join(root, 'api-errors'), { recursive: true });
  assert.ok(!existsSync('api-errors'), 'not in the working directory');
  const { run, calls } = setup({ catalog: 'api-errors' }, 'build', root);
  run();
  assert.ok(calls.integrations.includes('starlight-error-catalog'));
  rmSync(root, { recursive: true });
});

test('a failing check is an AstroError with a hint and the diagnostics', () => {
  const dir = mutateFixture('tests/fixtures/mini', [['codes/thing_not_found.yaml', 'category: not_found', 'category: not_a_category']]);
  const { run, calls } = setup({ catalog: dir }, 'dev', tmpdir());
  assert.throws(run, (e: Error & { hint?: string }) => {
    assert.equal(e.name, 'AstroUserError');
    assert.match(e.message, /codes\/thing_not_found\.yaml:4:11 {2}error {2}category-known {2}unknown category "not_a_category"/);
    assert.match(e.hint ?? '', /errcat check/);
    return true;
  });
  assert.deepEqual(calls.integrations, []);
  rmSync(dir, { recursive: true });
});

test('the site title and description change only with siteTitle: true', () => {
  const plain = setup({ catalog: 'tests/fixtures/mini' }, 'build', process.cwd());
  plain.run();
  assert.ok(plain.calls.updateConfig.every((c) => !('title' in c) && !('description' in c)));
  const asked = setup({ catalog: 'tests/fixtures/mini', siteTitle: true }, 'build', process.cwd());
  asked.run();
  assert.ok(asked.calls.updateConfig.some((c) => typeof c.title === 'string' && 'description' in c));
});

test("the 404 page and the sitemap: Starlight's 404 route off unless notFound: false; no second sitemap", () => {
  const plain = setup({ catalog: 'tests/fixtures/mini' }, 'build', process.cwd());
  plain.run();
  assert.ok(plain.calls.updateConfig.some((c) => c.disable404Route === true));
  assert.deepEqual(plain.calls.integrations, ['@astrojs/sitemap', 'starlight-error-catalog']);
  const own = setup({ catalog: 'tests/fixtures/mini', notFound: false }, 'build', process.cwd(), ['@astrojs/sitemap']);
  own.run();
  assert.ok(own.calls.updateConfig.every((c) => !('disable404Route' in c)));
  assert.deepEqual(own.calls.integrations, ['starlight-error-catalog'], 'the site keeps its own sitemap');
});

test('options are validated: a typo or a wrong type is an AstroError naming the option', () => {
  assert.throws(() => starlightErrorCatalog({ sidebarr: true } as never), (e: Error & { hint?: string }) => {
    assert.equal(e.name, 'AstroUserError');
    assert.match(e.message, /sidebarr/);
    assert.ok(e.hint);
    return true;
  });
  assert.throws(() => starlightErrorCatalog({ exports: 'yes' } as never), /exports/);
  assert.throws(() => starlightErrorCatalog({ sidebar: { group: '' } }), /group/);
});

test('sidebar: no middleware when sidebar is false', () => {
  const { run, calls } = setup({ catalog: 'tests/fixtures/mini', sidebar: false }, 'build', process.cwd());
  run();
  assert.equal(calls.middleware, 0);
});

const link = (label: string, href: string): Entry => ({ type: 'link', label, href, isCurrent: false, badge: undefined, attrs: {} });
const group = (label: string, entries: Entry[]): Entry => ({ type: 'group', label, entries, collapsed: false, badge: undefined });

test('sidebar: appended at the end, into a named group, or a new group', () => {
  const sidebar = [link('Home', '/'), group('Reference', [link('Auth', '/reference/auth/')])];
  const place = { label: 'Errors', href: '/concepts/errors/' };
  const end = withErrorsPage(sidebar, place, '/concepts/errors/');
  assert.deepEqual(end.at(-1), { ...link('Errors', '/concepts/errors/'), isCurrent: true });
  assert.equal(end.length, 3);

  const grouped = withErrorsPage(sidebar, { ...place, group: 'Reference' }, '/');
  assert.equal(grouped.length, 2);
  assert.deepEqual((grouped[1] as Extract<Entry, { type: 'group' }>).entries.map((e) => e.label), ['Auth', 'Errors']);
  assert.equal((sidebar[1] as Extract<Entry, { type: 'group' }>).entries.length, 1, 'input untouched');

  const created = withErrorsPage(sidebar, { ...place, group: 'API' }, '/');
  assert.deepEqual(created.at(-1), group('API', [link('Errors', '/concepts/errors/')]));
});

test('sidebar: a site that already links to the page gets no second link', () => {
  const sidebar = [group('Concepts', [link('Error codes', '/concepts/errors')])];
  assert.equal(withErrorsPage(sidebar, { label: 'Errors', href: '/concepts/errors/' }, '/'), sidebar);
});

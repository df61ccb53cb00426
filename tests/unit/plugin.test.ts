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
import { runInNewContext } from 'node:vm';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { checkCatalog } from '../../src/check/check.ts';
import starlightErrorCatalog, { isForwardingPage } from '../../src/plugin/index.ts';
import { errorCatalogIntegration } from '../../src/plugin/integration.ts';
import { validateOptions } from '../../src/plugin/options.ts';
import { vitePluginErrorCatalog } from '../../src/plugin/vite.ts';
import { RULE_PAGE_PATH } from '../../src/rules/docs.ts';
import { notFoundScript } from '../../src/plugin/not-found.ts';
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
    // The dev overlay frames this and opens it in the editor: the YAML line, not the plugin.
    assert.deepEqual((e as Error & { loc?: unknown }).loc, { file: join(dir, 'codes/thing_not_found.yaml'), line: 4, column: 11 });
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

test("the site keeps its 404 page and its own sitemap", () => {
  const plain = setup({ catalog: 'tests/fixtures/mini' }, 'build', process.cwd());
  plain.run();
  assert.ok(plain.calls.updateConfig.every((c) => !('disable404Route' in c)), "Starlight's 404 route stays");
  assert.deepEqual(plain.calls.integrations, ['@astrojs/sitemap', 'starlight-error-catalog']);
  const own = setup({ catalog: 'tests/fixtures/mini' }, 'build', process.cwd(), ['@astrojs/sitemap']);
  own.run();
  assert.deepEqual(own.calls.integrations, ['starlight-error-catalog'], 'the site keeps its own sitemap');
});

test('options are validated: "did you mean" for a typo, the expected type for a wrong one', () => {
  const error = (options: unknown) => {
    try {
      starlightErrorCatalog(options as never);
    } catch (e) {
      const { name, message, hint } = e as Error & { hint?: string };
      assert.equal(name, 'AstroUserError');
      assert.match(hint ?? '', /astro\.config\.mjs/);
      return message.split('\n').slice(2).join('\n');
    }
    assert.fail(`accepted ${JSON.stringify(options)}`);
  };
  assert.equal(error({ sidebarr: true }), '- unknown option "sidebarr": did you mean "sidebar"?');
  assert.equal(error({ sidebar: { grop: 'API' } }), '- unknown option "sidebar.grop": did you mean "sidebar.group"?');
  assert.match(error({ zzzzzzzzz: 1 }), /unknown option "zzzzzzzzz": expected one of catalog, sidebar, exports/);
  assert.equal(error({ sidebar: 'Concepts' }), '- sidebar: expected boolean or object, got string');
  assert.equal(error({ exports: 'yes', catalog: 3 }), '- catalog: expected string, got number\n- exports: expected boolean, got string');
  assert.equal(error({ sidebar: { group: '' } }), '- sidebar.group: must not be empty');
  assert.equal(error('catalog'), '- the options: expected object, got string');
  assert.equal(error(null), '- the options: expected object, got null');
});

test('a wrong catalog path is an AstroError naming the path, where it came from and the fix', () => {
  const root = mkdtempSync(join(tmpdir(), 'root-'));
  const message = (options: Parameters<typeof starlightErrorCatalog>[0], env: string | undefined) => {
    const before = process.env.CATALOG_DIR;
    if (env === undefined) delete process.env.CATALOG_DIR;
    else process.env.CATALOG_DIR = env;
    try {
      setup(options, 'build', root).run();
      assert.fail('no error');
    } catch (e) {
      const { name, message, hint } = e as Error & { hint?: string };
      assert.equal(name, 'AstroUserError');
      assert.match(hint ?? '', /starlightErrorCatalog\(\{ catalog: /);
      return message;
    } finally {
      if (before === undefined) delete process.env.CATALOG_DIR;
      else process.env.CATALOG_DIR = before;
    }
  };
  assert.equal(message({ catalog: 'api-errors' }, 'elsewhere'),
    `No error catalog directory at ${join(root, 'api-errors')}: the path comes from the \`catalog\` option ("api-errors"), resolved against the Astro root (${root}).`);
  assert.match(message(undefined, 'errs'), /at .*\/errs: the path comes from the CATALOG_DIR environment variable \("errs"\)/);
  assert.match(message(undefined, undefined), /at .*\/catalog: the path comes from the default \("catalog"; neither/);
  rmSync(root, { recursive: true });
});

test('the route middleware only for the sidebar link or the 404 forwarding', () => {
  const count = (options: Parameters<typeof starlightErrorCatalog>[0]) => {
    const { run, calls } = setup({ catalog: 'tests/fixtures/mini', ...options }, 'build', process.cwd());
    run();
    return calls.middleware;
  };
  assert.equal(count({ sidebar: false, notFound: false }), 0);
  assert.equal(count({ sidebar: false }), 1);
  assert.equal(count({ notFound: false }), 1);
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

/** Where the 404 page's script sends a reader who asked for `pathname`; undefined: it stays on the 404 page. */
function forwardFrom(pathname: string, pageHref = '/concepts/errors/'): string | undefined {
  let to: string | undefined;
  runInNewContext(notFoundScript(pageHref), { location: { pathname, replace: (url: string) => (to = url) } });
  return to;
}

test("404: only a missing code URL under the errors page goes on to the page's suggestions", () => {
  assert.equal(forwardFrom('/concepts/errors/turn_not_fund/'), '/concepts/errors/#turn_not_fund');
  assert.equal(forwardFrom('/concepts/errors/turn_not_fund'), '/concepts/errors/#turn_not_fund');
  // Still encoded: the page's notice decodes the fragment.
  assert.equal(forwardFrom('/concepts/errors/turn%20x/'), '/concepts/errors/#turn%20x');
  // Everything else is the site's own 404 page.
  for (const path of ['/nope/', '/concepts/errors/a/b/', '/concepts/errorsx/', '/concepts/', '/guides/errors/x/']) {
    assert.equal(forwardFrom(path), undefined, path);
  }
});

test('404: a page path cannot end the inline script', () => {
  const script = notFoundScript('/a</script><script>alert(1)//');
  assert.ok(!script.includes('</script>'));
  assert.equal(forwardFrom('/a</script><script>alert(1)//x/', '/a</script><script>alert(1)//'), '/a</script><script>alert(1)//#x');
});

/** The route patterns the plugin's integration injects into a site at /tmp/site/. */
function injectedRoutes(options: Parameters<typeof starlightErrorCatalog>[0]): string[] {
  const result = checkCatalog('tests/fixtures/mini');
  const hooks = errorCatalogIntegration({ dir: result.dir, result }, validateOptions(options)).hooks;
  const patterns: string[] = [];
  const setupHook = hooks['astro:config:setup'] as (params: unknown) => void;
  setupHook({
    config: { base: '/', site: 'https://docs.example.test', srcDir: new URL('file:///tmp/site/src/'), publicDir: new URL('file:///tmp/site/public/') },
    updateConfig() {},
    injectRoute: ({ pattern }: { pattern: string }) => patterns.push(pattern),
    logger: {},
  });
  return patterns;
}

test('a host site gets the errors page, its code URLs and the exports; rule pages only with rulePages; never a 404 route', () => {
  const routes = injectedRoutes({});
  assert.deepEqual(routes.filter((p) => !p.startsWith('/errors.') && !p.startsWith('/llms')), ['/errors', '/errors/[code]', '/favicon.svg']);
  assert.ok(!routes.some((p) => p.includes('404') || p.includes('rules')));
  assert.ok(injectedRoutes({ rulePages: true }).includes(`${RULE_PAGE_PATH}[rule]`));
  assert.equal(RULE_PAGE_PATH, '/rules/');
});

test("the sidebar link and the 404 page's script are under the site's base", () => {
  const result = checkCatalog('tests/fixtures/mini');
  const source = (base: string) => {
    const plugin = vitePluginErrorCatalog({ dir: result.dir, result }, { exports: true, sidebar: {}, notFound: true, base }, () => {});
    const load = plugin.load as (id: string) => string;
    return load('\0virtual:starlight-error-catalog/middleware');
  };
  assert.match(source('/'), /"href":"\/errors\/"/);
  assert.match(source('/'), /notFoundPage = "\/errors\/"/);
  assert.match(source('/docs/'), /"href":"\/docs\/errors\/"/);
  assert.match(source('/docs/'), /notFoundPage = "\/docs\/errors\/"/);
});

test("the plugin's sitemap leaves out the code URLs' forwarding pages, under the site's base too", () => {
  const { model } = checkCatalog('tests/fixtures/mini');
  const code = model!.codes[0]!.code;
  assert.equal(isForwardingPage(`https://d.test/errors/${code}/`, model), true);
  assert.equal(isForwardingPage(`https://d.test/docs/errors/${code}/`, model, '/docs'), true);
  assert.equal(isForwardingPage(`https://d.test/docs/errors/${code}/`, model, '/docs/'), true);
  assert.equal(isForwardingPage('https://d.test/errors/', model), false);
  assert.equal(isForwardingPage('https://d.test/errors/not_a_code/', model), false);
  assert.equal(isForwardingPage('https://d.test/guides/retries/', model, '/docs'), false);
});

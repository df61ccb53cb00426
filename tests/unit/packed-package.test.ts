// The user's path, end to end: the packed package installed into a fresh Starlight site
// (from the npm cache), with the README's astro.config.mjs verbatim, then `errcat init`,
// `errcat check` and `astro build`, and the built site read back: the errors page, the
// host's title, pages, 404 page and sitemap, and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';

// This Node first on PATH: npm's scripts and npx run with it. Not this repository's
// NODE_OPTIONS (.npmrc's errcat-source condition): the host site runs what it installed.
const { NODE_OPTIONS: _, npm_config_node_options: __, ...userEnv } = process.env;
const env = { ...userEnv, PATH: `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false' };

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A code block of the README, between <!-- marker --> and <!-- /marker -->. */
function readmeBlock(marker: string, lang: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = new RegExp(`<!-- ${marker} -->\n\`\`\`${lang}\n([\\s\\S]*?)\`\`\`\n<!-- /${marker} -->`).exec(readme);
  assert.ok(block, `README.md holds a ${lang} block between <!-- ${marker} --> markers`);
  return block[1]!;
}

const installed = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

test('the packed package in a fresh Starlight site: init, check and astro build with the README config', { timeout: 600_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'errcat-packed-'));
  try {
    // Packed from a copy, so its build (prepare) never replaces lib/ under a concurrent test.
    const pkg = join(tmp, 'package');
    for (const entry of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'tsconfig.package.json', 'bin', 'src', 'scripts', 'schema']) {
      cpSync(entry, join(pkg, entry), { recursive: true });
    }
    symlinkSync(resolve('node_modules'), join(pkg, 'node_modules'), 'dir');
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], pkg).replace(/^[^[]*/, '')) as { filename: string; size: number }[];
    assert.ok(packed!.size < 3 * 1024 * 1024, `tarball ${packed!.size} bytes, under 3 MB`);

    // A host site at the versions this package is tested with.
    const site = join(tmp, 'site');
    mkdirSync(join(site, 'src/content/docs/guides'), { recursive: true });
    mkdirSync(join(site, 'src/content/docs/concepts'), { recursive: true });
    writeFileSync(join(site, 'package.json'), JSON.stringify({
      name: 'host-site', private: true, type: 'module',
      dependencies: { astro: installed('astro'), '@astrojs/starlight': installed('@astrojs/starlight') },
    }));
    writeFileSync(join(site, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`);
    const page = (file: string, title: string) => writeFileSync(join(site, 'src/content/docs', file), `---\ntitle: ${title}\n---\n\n${title}, a page of the host.\n`);
    // No home page: the errors page's header still links `/`, which is the host's business.
    page('guides/getting-started.md', 'Getting started');
    page('concepts/authentication.md', 'Authentication');
    writeFileSync(join(site, 'astro.config.mjs'), readmeBlock('host-astro-config', 'js'));
    // The README's set-up commands, run as written (comments aside); the install is of the tarball.
    const [install, ...commands] = readmeBlock('host-setup', 'sh').trim().split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/));
    assert.deepEqual(install, ['npm', 'install', 'starlight-error-catalog']);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(tmp, packed!.filename)], site);

    // Nothing of the package is TypeScript to run (declarations only).
    const files = readdirSync(join(site, 'node_modules/starlight-error-catalog'), { recursive: true }).map(String);
    assert.deepEqual(files.filter((f) => /\.(ts|mts|cts)$/.test(f) && !/\.d\.ts$/.test(f)), []);

    // The declarations type both entries for a TypeScript host (an option of the wrong type is an error).
    writeFileSync(join(site, 'types-check.ts'), `import starlightErrorCatalog from 'starlight-error-catalog/plugin';
import { main } from 'starlight-error-catalog/cli';
export const plugin = starlightErrorCatalog({ catalog: 'catalog', sidebar: { group: 'Concepts' } });
export const status: number = main(['--version']);
// @ts-expect-error sidebar is a boolean or a placement
starlightErrorCatalog({ sidebar: 42 });
`);
    writeFileSync(join(site, 'tsconfig.types-check.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      files: ['types-check.ts'],
    }));
    run(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types-check.json'], site);

    assert.deepEqual(commands.map((c) => c.slice(0, 3).join(' ')), ['npx errcat init', 'npx errcat check']);
    const [init, check] = commands.map(([cmd, ...args]) => run(cmd!, args, site));
    assert.match(init!, /^ {2}3\. /m);
    assert.match(check!, /catalog clean: 1 code checked/);
    // The OpenAPI document is read in a worker thread: its bundle ships too.
    writeFileSync(join(site, 'openapi.yaml'), "openapi: 3.1.0\ninfo: { title: Acme, version: '1' }\npaths: {}\n");
    assert.match(run('npx', ['errcat', 'check', '--openapi', 'openapi.yaml'], site), /warning {2}openapi-undeclared {2}no operation in openapi\.yaml declares "resource_not_found"/);
    run('npx', ['astro', 'build'], site);

    const dist = join(site, 'dist');
    const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
    const errors = html('concepts/errors');
    const codes = readdirSync(join(site, 'catalog/codes')).map((f) => (load(readFileSync(join(site, 'catalog/codes', f), 'utf8')) as { code: string }).code);
    assert.deepEqual(codes, ['resource_not_found']);
    for (const code of codes) {
      // One element with the code's id, and it is the code's heading.
      assert.equal(errors.split(`id="${code}"`).length - 1, 1, `one id="${code}"`);
      assert.match(errors, new RegExp(`<h[2-4][^>]* id="${code}"[^>]*>[\\s\\S]*?${code}[\\s\\S]*?</h[2-4]>`));
    }
    // The host keeps its title (the errors page's tab ends in it) and its own pages.
    assert.match(errors, /<title>[^<]* \| Example Docs<\/title>/);
    assert.match(html('guides/getting-started'), /<title>Getting started \| Example Docs<\/title>/);
    assert.match(html('concepts/authentication'), /Authentication, a page of the host\./);

    // Nothing the host did not ask for: its pages, the errors page and its code URLs, the
    // host's own 404 page (Starlight's), no home page, no rule pages.
    const built = readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).sort();
    assert.deepEqual(built, ['404.html', 'concepts/authentication/index.html', 'concepts/errors/index.html', ...codes.map((c) => `concepts/errors/${c}/index.html`), 'guides/getting-started/index.html']);
    const notFound = readFileSync(join(dist, '404.html'), 'utf8');
    assert.match(notFound, /<title>404 \| Example Docs<\/title>/);
    assert.doesNotMatch(notFound, /lists every error code/);
    // The sitemap: the host's pages and the errors page, not the code URLs (they only forward).
    const sitemap = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8')).join('');
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
    assert.deepEqual(locs, ['/concepts/authentication/', '/concepts/errors/', '/guides/getting-started/']);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

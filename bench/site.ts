// The site build beside its floor: a bare Starlight site whose one page carries the same
// text as plain Markdown (headings, paragraphs, fenced examples). Both are built with the
// same Astro in the same run; then the built page's weight is compared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkCatalog } from '../src/check/check.ts';
import type { CatalogModel } from '../src/model/model.ts';

export interface BuildFigures {
  ms: number;
  peakMiB: number;
  /** Why the build failed, e.g. out of memory; figures are then meaningless. */
  failed?: string;
}

/** Both builds get the same, larger heap: at 10,000 codes the default 4 GiB is not enough for the bare page. */
export const BUILD_HEAP_MIB = 12288;

export interface Weight {
  html: number;
  js: number;
  css: number;
  gzip: number;
  /** gzip of the HTML alone. */
  htmlGzip: number;
}

/**
 * The catalog's text as one hand-written Markdown page would carry it: every section,
 * code, table and example, with none of the generated extras (navigation, filters,
 * badges, copy buttons). This is the floor the generated page is weighed against.
 */
export function catalogToMarkdown(model: CatalogModel): string {
  const c = model.catalog;
  const table = (columns: string[], rows: string[][]) =>
    [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((x) => x.replace(/\n/g, ' ').replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
  const fence = (e: { lang: string; code: string; title?: string }) => `${e.title ? `${e.title}\n\n` : ''}\`\`\`${e.lang}\n${e.code.trimEnd()}\n\`\`\``;
  const section = (s: NonNullable<typeof c.sections>[number]) =>
    [`## ${s.title}`, s.body ?? '', ...(s.examples ?? []).map(fence), s.table ? table(s.table.columns, s.table.rows) : '', s.after ?? ''];
  const out: string[] = [`---\ntitle: ${JSON.stringify(c.title)}\n---\n`, c.intro];
  for (const shape of [c.envelope, ...(c.shapes ?? [])]) {
    out.push(`## ${shape.title}`, shape.description ?? '', shape.example ? fence(shape.example) : '');
    out.push(table(['Field', 'Type', 'Notes'], shape.fields.map((f) => [`\`${f.name}\``, f.type, f.notes])), shape.notes ?? '');
  }
  for (const s of c.sections ?? []) if (s.place === 'before-codes') out.push(...section(s));
  if (c.retry_guidance) {
    const g = c.retry_guidance;
    out.push(`## ${g.title}`, g.intro ?? '', table(['Category', 'Retry?', 'Strategy'], g.rows.map((r) => [`${r.label} (${r.statuses.join(', ')})`, r.retry, r.strategy])), g.after ?? '');
  }
  out.push('## Status code summary', table(['HTTP', 'Meaning', 'Codes'], model.statusSummary.map((r) => [r.statuses.join(' / '), r.meaning, r.codes.join(', ')])));
  for (const group of model.categories) {
    out.push(`## ${group.title}`, group.description ?? '');
    for (const code of group.codes) {
      out.push(`### ${code.code}`, `HTTP ${code.statuses.join(' / ')}. ${code.summary}`, code.message ?? '', code.when, code.recovery);
      if (code.retry.advice) out.push(code.retry.advice);
      for (const e of code.examples ?? []) out.push(fence(e));
      if (code.headers) out.push(table(['Header', 'Description', 'Example'], code.headers.map((h) => [h.name, h.description, h.example ?? ''])));
      for (const x of code.extensions ?? []) {
        out.push(`\`${x.name}\` (${x.type}): ${x.description}`);
        if (x.values) out.push(table(['Value', 'Meaning'], x.values.map((v) => [v.value, v.meaning])));
      }
      for (const t of code.tables ?? []) out.push(t.title ?? '', table(t.columns, t.rows));
      for (const r of code.related ?? []) out.push(`Related: [${r.code}](#${r.code.toLowerCase()}): ${r.note}`);
      if (code.sdk_class) out.push(`SDK class: \`${code.sdk_class}\``);
      if (code.notes) out.push(code.notes);
    }
  }
  for (const s of c.sections ?? []) if (s.place === 'after-codes') out.push(...section(s));
  if (c.where_next) out.push('## Where next', ...c.where_next.map((w) => `- [${w.title}](${w.href})${w.description ? `: ${w.description}` : ''}`));
  return out.filter(Boolean).join('\n\n');
}

function timeBuild(args: string[], env: NodeJS.ProcessEnv): BuildFigures {
  const start = performance.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${BUILD_HEAP_MIB}`, '--import', resolve('bench/peak-rss.ts'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - start;
  const peak = /peakRSS=(\d+)/.exec(r.stderr);
  const figures = { ms, peakMiB: peak ? Number(peak[1]) / 2 ** 20 : Number.NaN };
  if (r.status !== 0) {
    const oom = /heap out of memory/.test(r.stderr);
    process.stderr.write(`build failed (${args.join(' ')}):\n${r.stderr.slice(-2000)}\n`);
    return { ...figures, failed: oom ? 'out of memory' : `exit ${r.status}` };
  }
  return figures;
}

export function buildOurs(catalog: string, outDir: string): BuildFigures {
  rmSync(outDir, { recursive: true, force: true });
  return timeBuild([resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', resolve(outDir)], { CATALOG_DIR: resolve(catalog) });
}

/**
 * What the bare site's Starlight does with the page's fenced examples and its search:
 * - defaults: Starlight as installed (Expressive Code frames, highlights and copy buttons
 *   every example; Pagefind indexes the page), what a hand-written page gets;
 * - shiki: \`expressiveCode: false\`, Astro's own Shiki highlights the examples (no frames,
 *   no copy buttons);
 * - plain: no highlighting at all (\`markdown.syntaxHighlight: false\`);
 * - no-search: defaults without Pagefind.
 */
export const BARE_VARIANTS = ['defaults', 'shiki', 'plain', 'no-search'] as const;
export type BareVariant = (typeof BARE_VARIANTS)[number];
const bareOptions: Record<BareVariant, { starlight: string; astro: string }> = {
  defaults: { starlight: '', astro: '' },
  shiki: { starlight: ', expressiveCode: false', astro: '' },
  plain: { starlight: ', expressiveCode: false', astro: ', markdown: { syntaxHighlight: false }' },
  'no-search': { starlight: ', pagefind: false', astro: '' },
};

export function buildBare(model: CatalogModel, root: string, variant: BareVariant = 'defaults'): BuildFigures {
  rmSync(root, { recursive: true, force: true });
  const page = join(root, 'src/content/docs', `${model.pagePath.replace(/^\//, '')}.md`);
  mkdirSync(join(page, '..'), { recursive: true });
  writeFileSync(page, catalogToMarkdown(model));
  writeFileSync(join(root, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`);
  writeFileSync(join(root, 'astro.config.mjs'), `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({ site: ${JSON.stringify(model.site)}${bareOptions[variant].astro}, integrations: [starlight({ title: ${JSON.stringify(model.catalog.api)}${bareOptions[variant].starlight} })] });
`);
  return timeBuild([resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', resolve(root)], {});
}

/** Bytes of the page's HTML and of the scripts and stylesheets it references, raw and gzipped. */
export function pageWeight(distDir: string, pagePath: string): Weight {
  const htmlPath = join(distDir, pagePath, 'index.html');
  const html = readFileSync(htmlPath);
  const text = html.toString('utf8');
  const assets = new Set<string>();
  for (const m of text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/[^"]+\.(?:js|css))"/g)) assets.add(m[1]!);
  // Modules imported by the page's scripts count too.
  const htmlGzip = gzipSync(html).length;
  const weight: Weight = { html: html.length, js: 0, css: 0, gzip: htmlGzip, htmlGzip };
  const seen = new Set<string>();
  const add = (asset: string) => {
    if (seen.has(asset)) return;
    seen.add(asset);
    const file = join(distDir, asset);
    if (!existsSync(file)) return;
    const body = readFileSync(file);
    if (asset.endsWith('.css')) weight.css += body.length;
    else {
      weight.js += body.length;
      for (const m of body.toString('utf8').matchAll(/from"\.\/([^"]+\.js)"|import\("\.\/([^"]+\.js)"\)/g)) {
        add(join(asset, '..', m[1] ?? m[2]!));
      }
    }
    weight.gzip += gzipSync(body).length;
  };
  for (const a of assets) add(a);
  return weight;
}

export function modelOf(catalog: string): CatalogModel {
  const r = checkCatalog(catalog);
  if (!r.model) throw new Error(`catalog ${catalog} has errors`);
  return r.model;
}

/** Peak resident memory of `errcat check` on a catalog, in its own process. */
export function checkPeakMiB(catalog: string): number {
  const r = spawnSync(process.execPath, ['--import', resolve('bench/peak-rss.ts'), resolve('src/cli/main.ts'), 'check', catalog], { encoding: 'utf8' });
  const peak = /peakRSS=(\d+)/.exec(r.stderr);
  return peak ? Number(peak[1]) / 2 ** 20 : Number.NaN;
}

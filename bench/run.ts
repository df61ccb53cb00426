// npm run bench [-- --sizes 100,1000,10000]: generates catalogs, measures, prints a table
// and writes bench/RESULTS.md. `--only startup` measures the cold start alone and
// replaces just its section of RESULTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchCheck, type CheckFigures } from './check.ts';
import { benchSources, type SourceFigures } from './sources.ts';
import { generateCatalog } from './generate.ts';
import { benchStartup, buildBundle, startupTable, type StartupFigures } from './startup.ts';
import { benchDev, type DevFigures } from './dev.ts';
import { deepLinks, type DeepLinkFigures } from './deeplink.ts';
import { floorHtml, writeFloorSite } from './floor.ts';
import { BUILD_HEAP_MIB, buildBare, buildOurs, checkPeakMiB, modelOf, pageWeight, type BuildFigures, type Weight } from './site.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    'site-sizes': { type: 'string', default: 'catalog,100,1000' },
    'dev-sizes': { type: 'string', default: 'catalog,1000' },
    runs: { type: 'string', default: '3' },
    'startup-sizes': { type: 'string', default: 'catalog,10000' },
    'startup-runs': { type: 'string', default: '9' },
    only: { type: 'string' },
    'source-files': { type: 'string', default: '5000' },
    out: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

// Cold start: fresh processes, so every module load and compile counts.
const startupRows: StartupFigures[] = [];
if (values['startup-sizes']) buildBundle();
for (const spec of values['startup-sizes'].split(',').filter(Boolean)) {
  const dir = /^\d+$/.test(spec) ? generateCatalog(`.tmp/bench/catalog-${spec}`, Number(spec)) : spec;
  const n = Number(values['startup-runs']);
  const f = benchStartup(spec, dir, /^\d+$/.test(spec) && Number(spec) >= 10000 ? Math.max(3, Math.ceil(n / 3)) : n);
  startupRows.push(f);
  console.error(`cold check ${spec}: ${f.checkMs.toFixed(0)} ms (node ${f.nodeMs.toFixed(0)} ms, js-yaml floor ${f.floorMs.toFixed(0)} ms)`);
}
const startupSection = `<!-- startup:start -->
## Cold start

Each figure is the median wall time of fresh processes, run interleaved: a bare
\`node -e ''\`, a process that only imports js-yaml and parses the catalog's files (the
floor of any check that reads them), the peer (ajv + js-yaml validating the same files
against this project's own \`schema/*.schema.json\`, what a team without this tool runs),
\`errcat check\` through \`bin/errcat.js\`, and
\`errcat check --cache\` twice: with nothing changed since its last run (the report is
replayed) and right after one code file was edited (checked in full, then kept). Goals:
within 3× of bare Node at Amy's size; at 10,000 codes within 1.5× of the peer and 1.3× of
the js-yaml floor. Ratios to bare Node swing with how fast Node starts on the machine, so
the peer's own ratio to Node stands beside ours.

${startupTable(startupRows)}

Before the bundle (the TypeScript sources, type-stripped on every start) the same
measurement gave 10.8× bare Node at Amy's size. What a cold start of the bundle spends,
and what was cut: importing \`node:fs\` or \`node:util\` made Node read every export,
whose lazy getters loaded some forty modules (streams, readline, worker_threads), so the
bundle takes builtins through \`process.getBuiltinModule\`; \`child_process\`,
\`worker_threads\` and \`v8\` load only when used; zod's per-schema code generation is off
in the CLI (it cost more than the rest of validating Amy's catalog); \`bin/errcat.js\`
compares the bundle with its ~100 listed inputs instead of walking \`src/\`. At 10,000
codes the check does much more than the floor: zod validates every file, every
example's JSON is parsed and compared with its envelope, every Markdown text with a link
is parsed and 10,000 TypeScript samples are parsed by oxc-parser. \`--cache\` replays an
unchanged catalog's report after reading only the status of its files (\`replay.mjs\`,
6 KB, runs before the check is loaded); an edited file makes it a full check.

<!-- startup:end -->`;
if (values.only === 'startup') {
  const path = values.out ?? 'bench/RESULTS.md';
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const marked = /<!-- startup:start -->[^]*<!-- startup:end -->/;
  writeFileSync(path, marked.test(old) ? old.replace(marked, () => startupSection) : `${old.trimEnd()}\n\n${startupSection}\n`);
  console.log(startupTable(startupRows));
  process.exit(0);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const rows: (CheckFigures & { peakMiB: number })[] = [];
for (const n of sizes) {
  const dir = generateCatalog(`.tmp/bench/catalog-${n}`, n);
  // Small catalogs take milliseconds: more runs keep the median steady.
  const f = benchCheck(dir, Math.max(runs, Math.min(25, Math.ceil(2500 / n))));
  if (f.diagnostics) throw new Error(`generated catalog of ${n} codes is not clean (${f.diagnostics} diagnostics)`);
  rows.push({ ...f, peakMiB: checkPeakMiB(dir) });
  console.error(`check ${n}: ${f.checkMs.toFixed(0)} ms (floor ${f.floorMs.toFixed(0)} ms)`);
}

// The server-source scan beside reading the same files.
const sourceRows: SourceFigures[] = [];
for (const n of values['source-files'].split(',').map(Number).filter((n) => n > 0)) {
  const f = benchSources(n, Math.max(runs, 5));
  sourceRows.push(f);
  console.error(`sources ${n}: ${f.scanMs.toFixed(0)} ms (floor ${f.floorMs.toFixed(0)} ms)`);
}

// The site: our build of a catalog beside a bare Starlight build of the same text.
interface SiteRow {
  label: string;
  codes: number;
  ours: BuildFigures;
  bare: BuildFigures;
  w: Weight;
  bw: Weight;
  /** gzip of the floor page's HTML: the catalog's text as plain HTML. */
  floorGzip: number;
  link: DeepLinkFigures;
  bareLink: DeepLinkFigures;
  floorLink: DeepLinkFigures;
}
const siteRows: SiteRow[] = [];
const noLink: DeepLinkFigures = { inViewMs: Number.NaN, landedMs: Number.NaN };
for (const spec of values['site-sizes'].split(',').filter(Boolean)) {
  const catalog = /^\d+$/.test(spec) ? generateCatalog(`.tmp/bench/catalog-${spec}`, Number(spec)) : spec;
  const model = modelOf(catalog);
  const out = `.tmp/bench/site-${spec.replace(/\W/g, '_')}`;
  const bareRoot = `.tmp/bench/bare-${spec.replace(/\W/g, '_')}`;
  const floorRoot = writeFloorSite(model, `.tmp/bench/floor-${spec.replace(/\W/g, '_')}`);
  const ours = buildOurs(catalog, out);
  const bare = buildBare(model, bareRoot);
  const navRuns = model.codes.length > 2000 ? 3 : 11;
  const last = model.codes.at(-1)!.code;
  // The three pages are measured in turns, in one run, on the same machine state. Starlight
  // slugs Markdown headings: lower case, otherwise the code as it is.
  const pages = [
    { dir: floorRoot, pagePath: model.pagePath, code: last },
    ...(ours.failed ? [] : [{ dir: out, pagePath: model.pagePath, code: last }]),
    ...(bare.failed ? [] : [{ dir: `${bareRoot}/dist`, pagePath: model.pagePath, code: last.toLowerCase() }]),
  ];
  const figures = await deepLinks(pages, navRuns);
  const floorLink = figures[0]!;
  const link = ours.failed ? noLink : figures[1]!;
  const bareLink = bare.failed ? noLink : figures.at(-1)!;
  const none: Weight = { html: Number.NaN, js: Number.NaN, css: Number.NaN, gzip: Number.NaN, htmlGzip: Number.NaN };
  siteRows.push({
    label: spec,
    codes: model.codes.length,
    ours,
    bare,
    w: ours.failed ? none : pageWeight(out, model.pagePath),
    bw: bare.failed ? none : pageWeight(`${bareRoot}/dist`, model.pagePath),
    floorGzip: gzipSync(floorHtml(model)).length,
    link,
    bareLink,
    floorLink,
  });
  console.error(`site ${spec}: ${ours.ms.toFixed(0)} ms (bare ${bare.ms.toFixed(0)} ms)`);
}

// Authoring in `astro dev`: save a file, the open tab reloads, the page is served.
const devRows: (DevFigures & { label: string })[] = [];
for (const spec of values['dev-sizes'].split(',').filter(Boolean)) {
  const catalog = /^\d+$/.test(spec) ? generateCatalog(`.tmp/bench/catalog-${spec}`, Number(spec)) : spec;
  const f = await benchDev(catalog, modelOf(catalog).pagePath, runs);
  devRows.push({ label: spec, ...f });
  console.error(`dev ${spec}: edit ${f.editMs.toFixed(0)} ms (floor ${f.floorMs.toFixed(0)} ms)`);
}

const ok = (b: boolean) => (b ? 'met' : 'missed');
const table = [
  '| codes | check (ms) | yaml parse floor (ms) | ratio | goal: ≤ 2× floor | goal: < 300 ms at 10,000 | js-yaml parse (ms) | check peak MiB |',
  '|---:|---:|---:|---:|---|---|---:|---:|',
  ...rows.map((r) =>
    `| ${r.codes.toLocaleString('en-US')} | ${r.checkMs.toFixed(0)} | ${r.floorMs.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${ok(r.ratio <= 2)} | ${r.codes === 10000 ? ok(r.checkMs < 300) : '–'} | ${r.fastFloorMs.toFixed(0)} | ${r.peakMiB.toFixed(0)} |`),
].join('\n');

const sourceTable = [
  '| source files | MiB | scan (ms) | glob + read floor (ms) | ratio | goal: ≤ 2× floor |',
  '|---:|---:|---:|---:|---:|---|',
  ...sourceRows.map((r) => `| ${r.files.toLocaleString('en-US')} | ${r.mib.toFixed(1)} | ${r.scanMs.toFixed(0)} | ${r.floorMs.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${ok(r.ratio <= 2)} |`),
].join('\n');

const kb = (n: number) => (Number.isNaN(n) ? '–' : `${(n / 1024).toFixed(1)} KiB`);
const secs = (b: BuildFigures) => (b.failed ? `failed: ${b.failed}` : (b.ms / 1000).toFixed(1));
const msOrNever = (n: number) => (Number.isNaN(n) ? 'never' : `${n.toFixed(0)} ms`);
const ratio = (a: number, b: number) => (Number.isNaN(a / b) ? '–' : `${(a / b).toFixed(2)}×`);
const siteTable = [
  '| catalog | codes | build (s) | bare build (s) | ratio (goal ≤ 1.5×) | peak MiB (ours / bare) | 1,000 codes < 20 s |',
  '|---|---:|---:|---:|---|---|---|',
  ...siteRows.map((r) => `| ${r.label} | ${r.codes} | ${secs(r.ours)} | ${secs(r.bare)} | ${r.ours.failed || r.bare.failed ? '–' : `${(r.ours.ms / r.bare.ms).toFixed(2)}× ${ok(r.ours.ms <= 1.5 * r.bare.ms)}`} | ${r.ours.peakMiB.toFixed(0)} / ${r.bare.peakMiB.toFixed(0)} | ${r.codes === 1000 ? ok(r.ours.ms < 20000) : '–'} |`),
].join('\n');
const linkTable = [
  '| catalog | codes | landed | in view | floor landed | bare Starlight landed | bare in view | ours / floor | goal | ours / bare |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ...siteRows.map((r) => {
    const goal = r.codes >= 100 ? `≤ 2× floor: ${ok(r.link.landedMs <= 2 * r.floorLink.landedMs)}` : `≤ bare: ${ok(r.link.landedMs <= r.bareLink.landedMs)}`;
    return `| ${r.label} | ${r.codes} | ${msOrNever(r.link.landedMs)} | ${msOrNever(r.link.inViewMs)} | ${msOrNever(r.floorLink.landedMs)} | ${msOrNever(r.bareLink.landedMs)} | ${msOrNever(r.bareLink.inViewMs)} | ${ratio(r.link.landedMs, r.floorLink.landedMs)} | ${goal} | ${ratio(r.link.landedMs, r.bareLink.landedMs)} |`;
  }),
].join('\n');
const perSection = (r: SiteRow) => r.w.html / r.codes;
const weightTable = [
  '| catalog | HTML | HTML per code | JS | CSS | gzip total | bare gzip | ratio (goal ≤ 1.2×) | HTML gzip | plain-text HTML gzip | ratio (goal ≤ 1.5×) |',
  '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|',
  ...siteRows.map((r) => `| ${r.label} | ${kb(r.w.html)} | ${kb(perSection(r))}${r.codes >= 1000 ? ` ${ok(perSection(r) < 4096)}` : ''} | ${kb(r.w.js)} | ${kb(r.w.css)} | ${kb(r.w.gzip)} | ${kb(r.bw.gzip)} | ${ratio(r.w.gzip, r.bw.gzip)} ${ok(r.w.gzip <= 1.2 * r.bw.gzip)} | ${kb(r.w.htmlGzip)} | ${kb(r.floorGzip)} | ${ratio(r.w.htmlGzip, r.floorGzip)} ${ok(r.w.htmlGzip <= 1.5 * r.floorGzip)} |`),
].join('\n');

const devGoal = (r: DevFigures) => (r.codes >= 1000 ? 3000 : 1000);
const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
const devTable = [
  '| catalog | codes | edit a code | add a code | delete a code | floor: serve the page again | edit / floor | goal | restarts |',
  '|---|---:|---:|---:|---:|---:|---:|---|---|',
  ...devRows.map((r) => `| ${r.label} | ${r.codes} | ${ms(r.editMs)} | ${ms(r.addMs)} | ${ms(r.deleteMs)} | ${ms(r.floorMs)} | ${(r.editMs / r.floorMs).toFixed(2)}× | < ${devGoal(r) / 1000} s: ${ok(Math.max(r.editMs, r.addMs, r.deleteMs) < devGoal(r))} | ${r.restarted ? 'yes' : 'none'} |`),
].join('\n');

let report = `# Benchmark results

Machine: ${machine}. Check: median of at least ${runs} runs (more for small catalogs) after a warm-up, in one process. Builds: one each. Deep links: median of 11 cold navigations (3 above 2,000 codes) at 1280 × 800 to the last code of the page, the floor, our and the bare page in turns.

## Check vs. bare YAML parsing

The floor is reading the same files and parsing them with \`yaml\`'s \`parseDocument\`
(the positions-keeping parse), and nothing else. The check reads clean files with js-yaml
(core schema) and asks \`yaml\` for positions only where a diagnostic needs one, so it can
beat that floor; the js-yaml column is the floor of what it actually does.

${table}

## Server-source scan

A generated tree of TypeScript handler modules (12 functions each, one in four throwing
an \`ApiError\`), scanned with the fixture API's catalog and its \`sources\` pattern. The
floor is globbing and reading the same files and nothing else. Both are the median of at
least 5 runs, taken in turns.

${sourceTable}

## Site build vs. a bare Starlight page

The bare site is plain Starlight with one Markdown page carrying the same text (headings,
paragraphs, fenced examples); both are built by the same Astro in the same run. Peak
memory is the build process's maximum resident set. Both builds run with a
${BUILD_HEAP_MIB / 1024} GiB heap limit (Node's default, about 4 GiB, is too small for the
bare 10,000-code page: it runs out of memory).

${siteTable}

${startupSection}
## Deep link to the last code

From navigation start to the heading being **landed** (at its scroll target, within
2 px, for good: the first frame after which it never moved again, watched until it had
been still for 1.5 s) and **in view** (first frame inside the viewport). Each frame is
read as it is painted, after the page's own animation-frame scripts; the three pages are
navigated in turns. The floor page
is the same text as plain HTML (markdown-it), no stylesheet or script, each code in a
\`<section>\` with \`content-visibility: auto\`; the bare page is the Starlight page above.
"never": it did not land within 60 s.

${linkTable}

## Errors page weight

The page's HTML plus every script and stylesheet it loads (and the modules those import).
HTML per code is the whole page's HTML divided by its codes (goal < 4 KiB at 1,000);
the plain-text HTML is the floor page above.

${weightTable}

## Authoring in \`astro dev\`

From saving a catalog file to the dev server having served the changed page, as an open
tab sees it: the save, the dev server's reload message, then the whole page. Median of
${runs} edits of one code's "When it fires", ${runs} new code files and ${runs} deletions, on one
dev server that stays up (no restart). The floor is serving the unchanged page again from
the same server: the page's own render time, which no watcher can beat.

${devTable}
`;
// What a person wrote about the figures survives a new run, between its markers.
const notesMarked = /<!-- notes:start -->[^]*<!-- notes:end -->/;
const previous = existsSync(values.out ?? 'bench/RESULTS.md') ? readFileSync(values.out ?? 'bench/RESULTS.md', 'utf8') : '';
const notes = notesMarked.exec(previous)?.[0];
if (notes) report = `${report.trimEnd()}\n\n${notes}\n`;
console.log(`\n${table}\n\n${sourceTable}\n\n${siteTable}\n\n${linkTable}\n\n${weightTable}\n\n${devTable}`);
writeFileSync(values.out ?? 'bench/RESULTS.md', report);

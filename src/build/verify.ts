// Verify the built site, not the intention: read the HTML and exports the build wrote and
// prove the contract readers and SDKs rely on. For each code, its docs_url fragment names
// exactly one element of the page, the code's own heading; no id repeats on the page; every
// internal link and #fragment of every page resolves (internal: the errors page, its plain
// URLs and the site's root; other paths of the docs origin belong to the wider docs site,
// but their #fragments are checked when this build has the page); the plain URL /<page>/<code>/
// forwards to the code; the exports list exactly the catalog's codes. Runs on the staged
// build before it is swapped into place, so a failure leaves the previous site untouched.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'parse5';
import { SITE_CONTRACT, type Diagnostic } from '../load/diagnostics.ts';
import type { CatalogModel } from '../model/model.ts';

interface Element {
  tag: string;
  attrs: Map<string, string>;
  line: number;
  col: number;
}

interface Page {
  ids: Map<string, Element[]>;
  links: Element[];
  elements: Element[];
}

type PNode = {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: PNode[];
  content?: PNode;
  sourceCodeLocation?: { startLine: number; startCol: number } | null;
};

export function readPage(html: string): Page {
  const page: Page = { ids: new Map(), links: [], elements: [] };
  const stack: PNode[] = [parse(html, { sourceCodeLocationInfo: true }) as unknown as PNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.tagName) {
      const el: Element = {
        tag: n.tagName,
        attrs: new Map((n.attrs ?? []).map((a) => [a.name, a.value])),
        line: n.sourceCodeLocation?.startLine ?? 1,
        col: n.sourceCodeLocation?.startCol ?? 1,
      };
      page.elements.push(el);
      const id = el.attrs.get('id');
      if (id !== undefined) page.ids.set(id, [...(page.ids.get(id) ?? []), el]);
      if (el.tag === 'a' && el.attrs.has('href')) page.links.push(el);
    }
    if (n.content) stack.push(n.content);
    for (let i = (n.childNodes?.length ?? 0) - 1; i >= 0; i--) stack.push(n.childNodes![i]!);
  }
  return page;
}

/** `<nav id="x" class="sidebar">`: enough to recognise an element in a message. */
export function describe(el: Element): string {
  const shown = ['id', 'class', 'href', 'aria-label'].filter((a) => el.attrs.has(a)).map((a) => ` ${a}="${el.attrs.get(a)!.slice(0, 60)}"`);
  return `<${el.tag}${shown.join('')}>`;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (name.endsWith('.html')) out.push(p);
    }
  }
  return out.sort();
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function verifySite(site: string, model: CatalogModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const shown = (file: string) => relative(process.cwd(), file) || file;
  const problem = (file: string, at: { line: number; col: number }, message: string, hint: string) =>
    out.push({ file, line: at.line, col: at.col, severity: 'error', rule: SITE_CONTRACT, message, hint });
  const pages = new Map<string, Page>();
  const pageAt = (file: string) => {
    let p = pages.get(file);
    if (!p) pages.set(file, (p = readPage(readFileSync(file, 'utf8'))));
    return p;
  };
  const base = model.pagePath === '/' ? '' : model.pagePath;
  const errorsFile = join(site, base, 'index.html');
  if (!existsSync(errorsFile)) {
    problem(shown(errorsFile), { line: 1, col: 1 }, `the errors page ${base || '/'} was not built`, 'check the build output above');
    return out;
  }
  const errors = pageAt(errorsFile);

  // 1. Each docs_url lands on its code's heading, and only there.
  for (const code of model.codes) {
    const owners = errors.ids.get(code.code) ?? [];
    const heading = owners.filter((e) => /^h[1-6]$/.test(e.tag));
    const others = owners.filter((e) => !/^h[1-6]$/.test(e.tag));
    if (heading.length === 1 && others.length === 0) continue;
    const where = (e: Element) => `${describe(e)} at ${shown(errorsFile)}:${e.line}:${e.col}`;
    const message = owners.length === 0
      ? `${code.docsUrl} resolves to no element: the page has no heading with id "${code.code}"`
      : heading.length === 0
        ? `${code.docsUrl} lands on ${others.map(where).join(' and ')}, not on the code's heading`
        : `${code.docsUrl} resolves to ${owners.length} elements: ${owners.map(where).join(', ')}; id "${code.code}" is taken by ${[...others, ...heading.slice(1)].map(describe).join(', ')}`;
    problem(code.file, { line: 1, col: 1 }, message,
      'each code needs an id of its own on the page: rename the code, or the page element that uses it');
  }

  // 2. No id repeats on any page; every internal link and #fragment resolves.
  const files = htmlFiles(site);
  const origin = model.site;
  for (const file of files) {
    const page = pageAt(file);
    const codeIds = file === errorsFile ? new Set(model.codes.map((c) => c.code)) : new Set<string>();
    for (const [id, els] of page.ids) {
      if (els.length < 2 || codeIds.has(id)) continue; // a code's own id is reported above, with the code
      problem(shown(file), els[1]!, `id "${id}" is used by ${els.length} elements: ${els.map(describe).join(', ')}`,
        'an id must be unique on its page, or links to it land on the first one');
    }
    const pageUrl = new URL(`/${relative(site, file).split(sep).join('/')}`.replace(/index\.html$/, ''), origin);
    for (const a of page.links) {
      const href = a.attrs.get('href')!;
      let url: URL;
      try {
        url = new URL(href, pageUrl);
      } catch {
        problem(shown(file), a, `link "${href}" is not a valid URL`, 'fix the link');
        continue;
      }
      if (url.origin !== origin || !/^https?:$/.test(url.protocol)) continue;
      const target = resolveFile(site, decode(url.pathname));
      if (!target) {
        // Other paths of the origin belong to the wider docs site the page is part of.
        if (url.pathname === '/' || url.pathname === base || url.pathname.startsWith(`${base}/`)) {
          problem(shown(file), a, `link "${href}" leads to ${url.pathname}, which the site does not have`, 'link to a page the site builds');
        }
        continue;
      }
      const fragment = decode(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !pageAt(target).ids.has(fragment)) {
        problem(shown(file), a, `link "${href}": no element has id "${fragment}" on ${url.pathname}`, 'link to an id the page has');
      }
    }
  }

  // 3. Each plain URL forwards to its code.
  for (const code of model.codes) {
    const file = join(site, base, code.code, 'index.html');
    const forward = existsSync(file) ? forwardOf(pageAt(file), new URL(`${base}/${code.code}/`, origin)) : undefined;
    const expected = new URL(`${base}/`, origin).pathname;
    if (!forward) {
      problem(code.file, { line: 1, col: 1 }, `the plain URL ${base}/${code.code}/ ${existsSync(file) ? 'does not forward anywhere' : 'was not built'}`,
        'every code gets /<page>/<code>/, forwarding to its heading');
    } else if (forward.pathname !== expected || decode(forward.hash.slice(1)) !== code.code) {
      problem(code.file, { line: 1, col: 1 }, `the plain URL ${base}/${code.code}/ forwards to ${forward.pathname}${forward.hash}, not to ${expected}#${code.code}`,
        'the plain URL must land on the code\'s heading');
    }
  }

  // 4. The exports list exactly the catalog's codes.
  const codes = model.codes.map((c) => c.code);
  for (const [name, list] of exportedCodes(site)) {
    const missing = codes.filter((c) => !list.includes(c));
    const extra = list.filter((c, i) => !codes.includes(c) || list.indexOf(c) !== i);
    if (missing.length || extra.length) {
      problem(shown(join(site, name)), { line: 1, col: 1 },
        `${name} does not list exactly the catalog's codes${missing.length ? `; missing: ${missing.slice(0, 5).join(', ')}` : ''}${extra.length ? `; extra or repeated: ${extra.slice(0, 5).join(', ')}` : ''}`,
        'the exports are generated from the same model as the page; report this as a bug');
    }
  }
  return out;
}

/** The built file a site path serves, as a static host finds it. */
function resolveFile(site: string, pathname: string): string | undefined {
  const rel = pathname.replace(/^\/+/, '');
  const candidates = pathname.endsWith('/') ? [join(site, rel, 'index.html')] : [join(site, rel), join(site, rel, 'index.html'), join(site, `${rel}.html`)];
  return candidates.find((p) => relative(site, p).split(sep)[0] !== '..' && existsSync(p) && statSync(p).isFile());
}

function forwardOf(page: Page, at: URL): URL | undefined {
  const refresh = page.elements.find((e) => e.tag === 'meta' && e.attrs.get('http-equiv')?.toLowerCase() === 'refresh');
  const m = /url=(.*)$/i.exec(refresh?.attrs.get('content') ?? '');
  if (!m) return undefined;
  try {
    return new URL(m[1]!.trim(), at);
  } catch {
    return undefined;
  }
}

/** The codes each export lists, read back from the files as a client would. */
function exportedCodes(site: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  const read = (name: string) => (existsSync(join(site, name)) ? readFileSync(join(site, name), 'utf8') : undefined);
  const json = read('errors.json');
  if (json !== undefined) {
    try {
      out.push(['errors.json', (JSON.parse(json) as { codes: { code: string }[] }).codes.map((c) => c.code)]);
    } catch {
      out.push(['errors.json', []]);
    }
  }
  const dts = read('errors.d.ts');
  if (dts !== undefined) {
    // The keys of the code-to-status interface, one JSON string per line.
    const block = /export interface \w+ErrorStatus \{\n([^]*?)\n\}/.exec(dts)?.[1] ?? '';
    out.push(['errors.d.ts', [...block.matchAll(/^ {2}("(?:[^"\\]|\\.)*"): /gm)].map((m) => JSON.parse(m[1]!) as string)]);
  }
  const llms = read('llms.txt');
  if (llms !== undefined) out.push(['llms.txt', [...llms.matchAll(/^- \[([^\]\n]*)\]\(/gm)].map((m) => m[1]!)]);
  const full = read('llms-full.txt');
  if (full !== undefined) out.push(['llms-full.txt', [...full.matchAll(/^### (.*)$/gm)].map((m) => m[1]!)]);
  return out;
}

// The deep-link floor: the catalog's text as plain HTML (the bare page's Markdown rendered
// by markdown-it), no stylesheet and no script, each code in a <section> with
// `content-visibility: auto`. Nothing can land a deep link faster than the browser does on
// this page; the errors page is measured against it in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { CatalogModel } from '../src/model/model.ts';
import { escapeHtml } from '../src/render/page.ts';
import { catalogToMarkdown } from './site.ts';

/** The floor's one rule: sections off screen are skipped until they come near the viewport. */
export const FLOOR_STYLE = 'section{content-visibility:auto;contain-intrinsic-size:auto 40rem}';

/** The floor's content: the catalog's text as markdown-it renders it, one <section> per code. */
export function floorBody(model: CatalogModel): string {
  const markdown = catalogToMarkdown(model).replace(/^---\n[\s\S]*?\n---\n/, '');
  const body = new MarkdownIt({ html: false }).render(markdown);
  // One <section> per code: from its <h3> to the next heading of level 2 or 3.
  const parts = body.split(/(?=<h[23]>)/).map((part) => {
    const m = /^<h3>([^<]*)<\/h3>/.exec(part);
    if (!m) return part;
    return `<section><h3 id="${m[1]}">${m[1]}</h3>${part.slice(m[0].length)}</section>`;
  });
  return parts.join('');
}

export function floorHtml(model: CatalogModel): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.catalog.title)}</title>
<style>${FLOOR_STYLE}</style>
</head><body>${floorBody(model)}</body></html>
`;
}

/** Writes the floor page at the errors page's path under `dir`. */
export function writeFloorSite(model: CatalogModel, dir: string): string {
  const page = join(dir, model.pagePath);
  mkdirSync(page, { recursive: true });
  writeFileSync(join(page, 'index.html'), floorHtml(model));
  writeFileSync(join(dir, '404.html'), 'not found');
  return dir;
}

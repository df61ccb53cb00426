// The built Pagefind index: the errors page is indexed with every code heading as an
// anchor, so search results can land on the code (sub-results).
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ALMYTY_CATALOG, loadModel, SITE_CATALOG } from './helpers.ts';

function fragments(dist: string): { url: string; content: string; anchors: { id: string; text: string }[] }[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{')));
  });
}

for (const [dist, catalog] of [['dist', SITE_CATALOG], ['dist-almyty', ALMYTY_CATALOG]] as const) {
  test(`${dist}: pagefind indexes the page body with an anchor per code`, () => {
    const model = loadModel(catalog);
    const page = fragments(dist).find((f) => f.url === `${model.pagePath}/`);
    expect(page, 'the errors page is indexed').toBeTruthy();
    const ids = new Set(page!.anchors.map((a) => a.id));
    for (const c of model.codes) {
      expect(ids.has(c.code), `${c.code} anchor`).toBe(true);
      expect(page!.content).toContain(c.summary.replace(/`/g, ''));
    }
  });
}

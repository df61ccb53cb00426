// The built Pagefind index: every code is a search record of its own (its plain URL page),
// titled with the code, pointing at the code's heading on the errors page; the errors
// page's own record carries the page-level prose, not the codes a second time.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ALMYTY_CATALOG, loadModel, SITE_CATALOG } from './helpers.ts';

interface Fragment { url: string; content: string; meta: Record<string, string>; anchors: { id: string; text: string }[] }

function fragments(dist: string): Fragment[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{')));
  });
}

for (const [dist, catalog] of [['dist', SITE_CATALOG], ['dist-almyty', ALMYTY_CATALOG]] as const) {
  test(`${dist}: every code is a search record titled with the code that opens at its heading`, () => {
    const model = loadModel(catalog);
    const all = fragments(dist);
    for (const c of model.codes) {
      const records = all.filter((f) => f.meta.url === `${model.pagePath}/#${c.code}`);
      expect(records, `${c.code}: one record`).toHaveLength(1);
      expect(records[0]!.meta.title).toBe(c.code);
      expect(records[0]!.content).toContain(c.summary.replace(/`/g, ''));
      expect(records[0]!.content).not.toContain('`');
    }
    const page = all.find((f) => f.url === `${model.pagePath}/`);
    expect(page, 'the errors page is indexed').toBeTruthy();
    // Badges, buttons and code lists are not search text: excerpts read as sentences.
    expect(page!.content).not.toMatch(/Copy link|Retryable:/);
    for (const c of model.codes) expect(page!.anchors.map((a) => a.id)).not.toContain(c.code);
  });
}

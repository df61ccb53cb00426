import { expect, type Locator, type Page } from '@playwright/test';
import { checkCatalog } from '../../src/catalog/check.ts';
import type { CatalogModel } from '../../src/catalog/model.ts';
import { catalogDir } from '../../src/config.ts';

/** The catalog `npm run build` used for dist/: the same setting, CATALOG_DIR (default ./catalog). */
export const SITE_CATALOG = catalogDir();
/** `npm run build:almyty` builds dist-almyty/ from this one. */
export const ALMYTY_CATALOG = 'examples/almyty/catalog';

export function loadModel(dir: string): CatalogModel {
  const r = checkCatalog(dir);
  if (!r.model) throw new Error(`${dir} does not pass the check`);
  return r.model;
}

/** Path + hash of a docs_url, to open against the local server. */
export function localPath(docsUrl: string): string {
  const u = new URL(docsUrl);
  return u.pathname + u.hash;
}

/** The element is inside the viewport and not under Starlight's sticky header. */
export async function expectInView(page: Page, el: Locator): Promise<void> {
  await expect(el).toBeInViewport();
  // Polls, so a smooth scroll in progress may finish.
  await expect
    .poll(
      () =>
        el.evaluate((e) => {
          const top = e.getBoundingClientRect().top;
          // Bottom of whatever Starlight pins at the top: the header, and on narrow screens the
          // "On this page" bar.
          let covered = 0;
          for (const sel of ['header.header', 'mobile-starlight-toc nav']) {
            const bar = document.querySelector(sel);
            if (bar && bar.getClientRects().length && getComputedStyle(bar).display !== 'none') {
              covered = Math.max(covered, bar.getBoundingClientRect().bottom);
            }
          }
          return top >= covered - 1 && top < innerHeight ? 'visible' : `top ${top} under ${covered}`;
        }),
      { message: 'below the sticky header, inside the viewport' },
    )
    .toBe('visible');
}

export async function isTarget(el: Locator): Promise<boolean> {
  return el.evaluate((e) => e.matches(':target'));
}

// E2E against the built sites: run `npm run test:e2e` (builds dist/, dist-almyty/ and the
// fixture docs site once, then serves them). Uses Debian's Chromium (apt-get install
// chromium), or the browser at CHROMIUM_PATH.
//
// Limits are sized for a busy 2-core machine: the slowest tests measured there (see the
// README) stay under a third of their limit. Two workers: more only queue for the CPU.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM } from './scripts/chromium.ts';

// E2E_PORT moves the servers (e.g. for two checkouts testing side by side).
const PORT = Number(process.env.E2E_PORT ?? 4391);
export const AMY_URL = `http://localhost:${PORT}`;
export const ALMYTY_URL = `http://localhost:${PORT + 1}`;
/** The fixture docs site (tests/fixtures/docs-site), built by `npm run build:docs-site`. */
export const DOCS_SITE_DIST = 'tests/fixtures/docs-site/dist';
export const DOCS_URL = `http://localhost:${PORT + 3}`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: AMY_URL,
    launchOptions: CHROMIUM,
  },
  webServer: [
    { command: `"${process.execPath}" scripts/serve.ts dist ${PORT}`, url: `${AMY_URL}/`, reuseExistingServer: !process.env.CI },
    { command: `"${process.execPath}" scripts/serve.ts dist-almyty ${PORT + 1}`, url: `${ALMYTY_URL}/`, reuseExistingServer: !process.env.CI },
    { command: `"${process.execPath}" scripts/serve.ts ${DOCS_SITE_DIST} ${PORT + 3}`, url: `${DOCS_URL}/`, reuseExistingServer: !process.env.CI },
  ],
});

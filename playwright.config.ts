// E2E against the built sites: run `npm run test:e2e` (builds dist/ and dist-almyty/ once,
// then serves them). Uses Debian's Chromium (apt-get install chromium).
import { defineConfig, devices } from '@playwright/test';

export const AMY_URL = 'http://localhost:4391';
export const ALMYTY_URL = 'http://localhost:4392';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: process.env.CI ? 2 : 4,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: AMY_URL,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    { command: `"${process.execPath}" scripts/serve.ts dist 4391`, url: `${AMY_URL}/`, reuseExistingServer: !process.env.CI },
    { command: `"${process.execPath}" scripts/serve.ts dist-almyty 4392`, url: `${ALMYTY_URL}/`, reuseExistingServer: !process.env.CI },
  ],
});

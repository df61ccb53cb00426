// The one browser every browser-driving script uses: Debian's Chromium unless CHROMIUM_PATH
// names another (the browser tests, the benchmark's deep link, the screenshots).
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

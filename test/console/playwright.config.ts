import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './browser';

/** The console's journeys: a real Chromium against the whole system (see global-setup.ts). */
export default defineConfig({
  testDir: './journeys',
  testMatch: '*.journey.ts',
  outputDir: './results',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    baseURL: process.env.CONSOLE_URL,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});

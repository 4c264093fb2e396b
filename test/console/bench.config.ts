import { defineConfig } from '@playwright/test';
import journeys from './playwright.config';

/** `npm run bench:console`: figures about the console on the whole system, not tests (nothing here is timed to pass). */
export default defineConfig({ ...journeys, testDir: './bench', testMatch: '*.bench.ts', outputDir: './results-bench' });

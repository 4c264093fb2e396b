import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';

/** A demo person as `npm start` seeds and prints them. */
export interface Person {
  organisationId: string;
  email: string;
  role: 'admin' | 'member';
  password: string;
}

export interface People {
  /** the person of that organisation with that role (the admin when not said) */
  of(organisationId: string, role?: Person['role']): Person;
}

const SCREENSHOTS = join(__dirname, 'screenshots');

/** Writes the page a journey ended on where a person can look at it (git-ignored). */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export const test = base.extend<{ people: People; db: Pool }>({
  // eslint-disable-next-line no-empty-pattern
  people: async ({}, use) => {
    // the file npm start hands the distributor: organisations, their keys and the demo people
    const bootstrap = join(process.env.TRADELANE_DATA_DIR as string, 'identity', 'bootstrap.json');
    const { people } = JSON.parse(readFileSync(bootstrap, 'utf8')) as { people: Person[] };
    await use({
      of(organisationId, role = 'admin') {
        const person = people.find((p) => p.organisationId === organisationId && p.role === role);
        if (!person) throw new Error(`no demo ${role} for ${organisationId}`);
        return person;
      },
    });
  },
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => {
    const pool = new Pool({ connectionString: process.env.CONSOLE_DATABASE_URL, max: 2 });
    await use(pool);
    await pool.end();
  },
});

export { expect };

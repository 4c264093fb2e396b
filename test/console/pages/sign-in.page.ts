import { expect, type Page } from '@playwright/test';
import type { Person } from '../fixtures';

/** The console's front door, as a person uses it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('heading', { name: 'Sign in to Tradelane' })).toBeVisible();
  }

  async signInWith(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Signs in from wherever the page is and waits until the console shows the person's own pages. */
  async signIn(person: Person, path = '/'): Promise<void> {
    await this.open(path);
    await this.signInWith(person.email, person.password);
    await expect(this.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }

  alert() {
    return this.page.getByRole('alert');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in to Tradelane' })).toBeVisible();
  }
}

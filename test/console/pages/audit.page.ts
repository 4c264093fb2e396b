import { expect, type Page } from '@playwright/test';

/** The auditor's view of one order: timeline, verdicts and downloads. */
export class AuditPages {
  constructor(private readonly page: Page) {}

  async findOrder(orderId: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find an order' }).click();
    await this.page.getByLabel('Order id').fill(orderId);
    await this.page.getByRole('button', { name: 'Find order' }).click();
    await expect(this.page.getByRole('heading', { name: `Audit of order ${orderId}` })).toBeVisible();
  }

  timeline() {
    return this.page.getByRole('table', { name: 'Messages, events and EDI documents of the order' });
  }

  chainVerdict() {
    return this.page.locator('#chain-verdict');
  }

  replayVerdict() {
    return this.page.locator('#replay-verdict');
  }
}

import { expect, type Page } from '@playwright/test';

/** A supplier clerk's inbox of stock inquiries and the answer, line by line. */
export class SupplierPages {
  constructor(private readonly page: Page) {}

  inbox() {
    return this.page.getByRole('table', { name: 'Open stock inquiries, newest deadline first' });
  }

  /** Opens the inquiry for that order from the inbox, and answers it with what is committed per SKU. */
  async answerInquiryOf(orderId: string, committed: Record<string, number>): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stock inquiries' }).click();
    const row = this.inbox().getByRole('row').filter({ hasText: orderId });
    await expect(row).toBeVisible({ timeout: 60_000 });
    await row.getByRole('link').first().click();
    await expect(this.page.getByRole('heading', { name: /^Stock inquiry / })).toBeVisible();
    for (const [sku, quantity] of Object.entries(committed)) {
      await this.page.getByLabel(`Quantity committed for ${sku}`).fill(String(quantity));
    }
    await this.page.getByRole('button', { name: 'Answer inquiry' }).click();
  }
}

import { expect, type Page } from '@playwright/test';

/** A carrier desk: shipping inquiries to quote and transport notices to accept. */
export class CarrierPages {
  constructor(private readonly page: Page) {}

  /** Quotes every open shipping inquiry at the rate card's price; returns how many it quoted. */
  async quoteOpenInquiries(expected: number): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shipping inquiries' }).click();
    const table = this.page.getByRole('table', { name: 'Shipping inquiries to quote' });
    const open = table.getByRole('row').filter({ hasText: 'open' });
    await expect(open).toHaveCount(expected, { timeout: 60_000 });
    for (let quoted = 0; quoted < expected; quoted += 1) {
      await open.first().getByRole('link').first().click();
      await this.page.getByRole('button', { name: 'Send quote' }).click();
      await expect(this.page.getByRole('button', { name: 'Send quote' })).toHaveCount(0);
      await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shipping inquiries' }).click();
      await expect(open).toHaveCount(expected - quoted - 1);
    }
  }

  /** Accepts the order's transport notice, if this carrier was booked; returns whether it was. */
  async acceptTransportOf(orderId: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transport notices' }).click();
    const notice = this.page.getByRole('article').filter({ hasText: `Order ${orderId}` });
    await expect(notice).toBeVisible({ timeout: 60_000 });
    await notice.getByRole('button', { name: 'Accept transport' }).click();
    await expect(notice.getByRole('status').first()).toHaveText('accepted');
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export interface ShipTo {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export const MUSTER_GOODS_IN: ShipTo = { name: 'Muster Maschinenbau GmbH, Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: 'DE' };

/** Procurement's pages: the order list, a new order, and one order. */
export class ProcurementPages {
  constructor(private readonly page: Page) {}

  /** The ship-to and terms, which the page asks once for either way of giving the lines. */
  private async fillTerms(shipTo: ShipTo, partialFill?: string): Promise<void> {
    const terms = this.page.getByRole('group', { name: 'Ship to and terms' });
    await terms.getByLabel('Ship-to name').fill(shipTo.name);
    await terms.getByLabel('Address line 1').fill(shipTo.line1);
    await terms.getByLabel('City').fill(shipTo.city);
    await terms.getByLabel('Postal code').fill(shipTo.postalCode);
    await terms.getByLabel('Country code').fill(shipTo.country);
    if (partialFill) await terms.getByLabel('If a supplier can fill only part').selectOption({ label: partialFill });
  }

  private form(button: string): Locator {
    return this.page.locator('form').filter({ has: this.page.getByRole('button', { name: button }) });
  }

  /** Places an order from the line grid and returns its id once its page shows. */
  async placeOrder(lines: { sku: string; quantity: number }[], shipTo: ShipTo, partialFill?: string): Promise<string> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New order' }).click();
    await this.fillTerms(shipTo, partialFill);
    await this.page.getByRole('radio', { name: 'Type them in a grid' }).check();
    const form = this.form('Place order');
    for (let i = 3; i > lines.length; i -= 1) await form.getByRole('button', { name: `Remove line ${i}` }).click();
    for (const [i, line] of lines.entries()) {
      if (i >= 3) await form.getByRole('button', { name: 'Add line' }).click();
      await form.getByLabel(`SKU of line ${i + 1}`).fill(line.sku);
      await form.getByLabel(`Quantity of line ${i + 1}`).fill(String(line.quantity));
    }
    await form.getByRole('button', { name: 'Place order' }).click();
    return this.openedOrderId();
  }

  /** Uploads a CSV file of lines; the page shows progress, then the order or the file's row report. */
  async uploadCsv(file: { name: string; buffer: Buffer }, shipTo: ShipTo): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New order' }).click();
    await this.fillTerms(shipTo);
    await this.page.getByRole('radio', { name: 'Upload a CSV file' }).check();
    const form = this.form('Upload CSV');
    await form.getByLabel('CSV file').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.buffer });
    await form.getByRole('button', { name: 'Upload CSV' }).click();
  }

  uploadProgress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Upload progress' });
  }

  rowReport(): Locator {
    return this.page.getByRole('table', { name: 'Rows of the file with their problems' });
  }

  async openedOrderId(): Promise<string> {
    const heading = this.page.getByRole('heading', { name: /^Order [0-9a-f-]{36}$/ });
    await expect(heading).toBeVisible({ timeout: 60_000 });
    return ((await heading.textContent()) ?? '').replace('Order ', '').trim();
  }

  status(): Locator {
    return this.page.locator('#order-status');
  }

  async openOrder(orderId: string): Promise<void> {
    await this.page.goto(`/procurement/orders/${orderId}`);
    await expect(this.page.getByRole('heading', { name: `Order ${orderId}` })).toBeVisible();
  }

  /** Pays the amount the order's confirmation asks for, with the button that names it. */
  async pay(): Promise<string> {
    const button = this.page.getByRole('button', { name: /^Pay / });
    await expect(button).toBeVisible({ timeout: 60_000 });
    const label = (await button.textContent()) ?? '';
    await button.click();
    return label;
  }
}

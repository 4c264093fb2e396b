import { ConfirmationArrivals } from './confirmation-arrivals';

describe('waiting for an order confirmation', () => {
  it('wakes the waiter when the confirmation arrives in this process', async () => {
    // Looking again only after a minute: only the arrival can end this wait within the test's time.
    const arrivals = new ConfirmationArrivals(60_000);
    let stored: string | null = null;
    const waiting = arrivals.waitFor('order-1', 60_000, async () => stored);
    await new Promise((resolve) => setImmediate(resolve));
    stored = 'confirmation';
    arrivals.arrived('order-1');
    await expect(waiting).resolves.toBe('confirmation');
  });

  it('looks again by itself, for a confirmation whose notification never came', async () => {
    const arrivals = new ConfirmationArrivals(5);
    let looks = 0;
    await expect(arrivals.waitFor('order-2', 60_000, async () => (++looks >= 3 ? 'confirmation' : null))).resolves.toBe('confirmation');
    expect(looks).toBe(3);
  });

  it('wakes every waiter to look again when notifications may have been missed', async () => {
    const arrivals = new ConfirmationArrivals(60_000);
    const stored = new Map<string, string>();
    const first = arrivals.waitFor('order-6', 60_000, async () => stored.get('order-6') ?? null);
    const second = arrivals.waitFor('order-7', 60_000, async () => stored.get('order-7') ?? null);
    await new Promise((resolve) => setImmediate(resolve));
    stored.set('order-6', 'six').set('order-7', 'seven');
    arrivals.arrivedAny();
    await expect(Promise.all([first, second])).resolves.toEqual(['six', 'seven']);
  });

  it('answers nothing once the wait is over', async () => {
    const arrivals = new ConfirmationArrivals(5);
    await expect(arrivals.waitFor('order-3', 20, async () => null)).resolves.toBeNull();
  });

  it('an arrival for another order wakes nobody', async () => {
    const arrivals = new ConfirmationArrivals(60_000);
    let woken = false;
    const waiting = arrivals.waitFor('order-4', 50, async () => null).then(() => (woken = true));
    arrivals.arrived('order-5');
    await new Promise((resolve) => setImmediate(resolve));
    expect(woken).toBe(false);
    await waiting;
  });
});

import { IntakeAdmission, IntakeBusy, type IntakeLimits } from './intake-admission';

const limits = (over: Partial<IntakeLimits> = {}): IntakeLimits => ({ what: 'purchase orders', maxInFlight: 2, maxWaiting: 1, maxWaitMs: 1000, retryAfterSeconds: 3, ...over });

/** Whether a promise has settled yet, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('IntakeAdmission', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('admits up to maxInFlight at once', async () => {
    const admission = new IntakeAdmission(limits({ maxWaiting: 0 }));
    await admission.admit();
    await admission.admit();
    expect(admission.inFlight).toBe(2);
    await expect(admission.admit()).rejects.toBeInstanceOf(IntakeBusy);
  });

  it('refuses with a 429 problem carrying the configured Retry-After', async () => {
    const admission = new IntakeAdmission(limits({ maxInFlight: 1, maxWaiting: 0, retryAfterSeconds: 7 }));
    await admission.admit();
    const refusal = await admission.admit().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(IntakeBusy);
    const busy = refusal as IntakeBusy;
    expect(busy.getStatus()).toBe(429);
    expect(busy.retryAfterSeconds).toBe(7);
    expect(busy.getResponse()).toMatchObject({ type: 'urn:tradelane:problem:intake-busy', title: 'Too many purchase orders at once', status: 429 });
  });

  it('lets a waiting submission in when a place is released, in arrival order', async () => {
    const admission = new IntakeAdmission(limits({ maxInFlight: 1, maxWaiting: 2 }));
    const release = await admission.admit();
    const order: string[] = [];
    const first = admission.admit().then((r) => (order.push('first'), r));
    const second = admission.admit().then((r) => (order.push('second'), r));
    expect(admission.waiting).toBe(2);
    expect(await settled(first)).toBe(false);
    release();
    (await first)();
    (await second)();
    expect(order).toEqual(['first', 'second']);
    expect(admission.inFlight).toBe(0);
    expect(admission.waiting).toBe(0);
  });

  it('refuses at once when the waiting line is full', async () => {
    const admission = new IntakeAdmission(limits({ maxInFlight: 1, maxWaiting: 1 }));
    await admission.admit();
    const waiting = admission.admit();
    await expect(admission.admit()).rejects.toBeInstanceOf(IntakeBusy);
    expect(await settled(waiting)).toBe(false);
  });

  it('refuses a submission that waited maxWaitMs, and gives its turn to nobody', async () => {
    const admission = new IntakeAdmission(limits({ maxInFlight: 1, maxWaiting: 5, maxWaitMs: 500 }));
    const release = await admission.admit();
    const waiting = admission.admit();
    jest.advanceTimersByTime(499);
    expect(await settled(waiting)).toBe(false);
    jest.advanceTimersByTime(1);
    await expect(waiting).rejects.toBeInstanceOf(IntakeBusy);
    expect(admission.waiting).toBe(0);
    release();
    expect(admission.inFlight).toBe(0);
  });

  it('counts a place released twice once', async () => {
    const admission = new IntakeAdmission(limits({ maxInFlight: 2 }));
    const release = await admission.admit();
    await admission.admit();
    release();
    release();
    expect(admission.inFlight).toBe(1);
  });

  it('with maxWaitMs 0 never queues', async () => {
    const admission = new IntakeAdmission(limits({ maxInFlight: 1, maxWaiting: 10, maxWaitMs: 0 }));
    await admission.admit();
    await expect(admission.admit()).rejects.toBeInstanceOf(IntakeBusy);
    expect(admission.waiting).toBe(0);
  });
});

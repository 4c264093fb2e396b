import type { Repository } from 'typeorm';
import { Metrics, type Caller, type WorkflowGateway } from '@tradelane/platform';
import { resolveCompensationUpdate } from '@tradelane/workflows';
import type { StuckCompensationRecord } from './stuck-compensation.entity';
import { StuckCompensationsService } from './stuck-compensations.service';

const operator = (actor: string): Caller => ({ organisationId: 'tradelane-ops', role: 'operator', credentialId: 'c', actor, personRole: 'member' });

describe("an operator's resolution of a stuck compensation", () => {
  it("reaches the order naming the caller's actor, with the note only when one was given", async () => {
    const update = jest.fn().mockResolvedValue(undefined);
    const rows = { findOneBy: jest.fn().mockResolvedValue({ orderId: 'o-1', compensationId: 'refund-payment:o-1' }) };
    const service = new StuckCompensationsService(rows as unknown as Repository<StuckCompensationRecord>, { update } as unknown as WorkflowGateway, new Metrics());

    await service.resolve('o-1', 'refund-payment:o-1', { resolution: 'resolved-manually', note: 'paid back by hand' }, operator('jane@tradelane.example'));
    await service.resolve('o-1', 'refund-payment:o-1', { resolution: 'retry' }, operator('api-key:ops-bot'));

    expect(update.mock.calls).toEqual([
      ['order:o-1', resolveCompensationUpdate, { compensationId: 'refund-payment:o-1', resolution: 'resolved-manually', resolvedBy: 'jane@tradelane.example', note: 'paid back by hand' }],
      ['order:o-1', resolveCompensationUpdate, { compensationId: 'refund-payment:o-1', resolution: 'retry', resolvedBy: 'api-key:ops-bot' }],
    ]);
  });
});

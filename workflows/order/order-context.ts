import type { PartyRef, PartyTerms, PurchaseOrder, WaitingFor } from '../../libs/contracts/src';
import { Compensations } from './compensations';
import { ownSteps, type DistributorSteps } from './distributor-steps';
import { OrderLog } from './order-log';
import { OrderState, termsKey } from './order-state';
import { partyActivities, type Parties } from './parties';

/** One running order's parts, as its steps use them: its state, its log, the parties, its undo log. */
export class OrderContext {
  readonly state: OrderState;
  readonly log: OrderLog;
  readonly parties: Parties = partyActivities();
  readonly distributor: DistributorSteps;
  readonly compensations: Compensations;

  constructor(readonly order: PurchaseOrder) {
    const own = ownSteps();
    this.state = new OrderState(order);
    this.distributor = own.steps;
    this.log = new OrderLog(this.state, own);
    this.compensations = new Compensations(this.state, this.log, this.distributor);
  }

  /** The order waits on someone: the view says so, and what it logged on its way is written. */
  wait(w: WaitingFor): void {
    this.state.wait(w);
    this.log.waiting();
  }

  drop(w: WaitingFor): void {
    this.state.drop(w);
  }

  /** Read when the order first waits for the party, then kept, so one order runs under one set of terms. */
  async termsOf(party: PartyRef): Promise<PartyTerms> {
    const key = termsKey(party.role, party.id);
    if (!this.state.terms.has(key)) {
      const [terms] = await this.distributor.partyTerms([party]);
      this.state.terms.set(key, terms);
    }
    return this.state.terms.get(key)!;
  }
}

/**
 * The failure types that cross the Temporal boundary: an order's update validators and the
 * parties' activities raise `ApplicationFailure`s of these types, with one `FailureDetail` as
 * their details; the services turn each type into a problem (libs/platform, one table).
 */
export const FAILURE = {
  /** The order is not in a state to take this now (finished, cancelling, not awaiting it). */
  orderState: 'OrderStateConflict',
  /** The answer names an inquiry or notice the order never sent, or one already answered or withdrawn. */
  messageNotOpen: 'MessageNotOpen',
  /** The answer comes from a party the message was not sent to. */
  wrongParty: 'WrongParty',
  /** The answer's content is refused (more than asked, wrong currency, not the amount due …). */
  answerRefused: 'AnswerRefused',
  /** An undo that can never succeed (the truck has left); it goes to an operator. */
  compensationImpossible: 'CompensationImpossible',
  /** The stock a dispatch notice takes out is no longer held for it. */
  stockGone: 'StockGone',
  /** A back order with nothing left to order. */
  emptyBackOrder: 'EmptyBackOrder',
  /** A back order asked for an order that is itself a back order. */
  backOrderOfBackOrder: 'BackOrderOfBackOrder',
  /** A back order of the same order with other lines was placed already. */
  backOrderConflict: 'BackOrderConflict',
} as const;

export type FailureType = (typeof FAILURE)[keyof typeof FAILURE];

/** What a failure is about: the field of the message at fault (if one is), and why. */
export interface FailureDetail {
  field?: string;
  reason: string;
  /** For `OrderStateConflict`: the order's status when it refused. */
  state?: string;
}

import { ApplicationFailure } from '@temporalio/common';
import { FAILURE, type FailureDetail, type FailureType } from '@tradelane/contracts';
import { ProblemException, conflict } from '../http/problem';

interface FailureProblem {
  status: number;
  /** after `urn:tradelane:problem:` */
  problemType: string;
  title: string;
}

/**
 * How each failure raised behind the Temporal boundary (an order's update validator, a party's
 * activity) answers over HTTP. Every one is a 409: the request was understood, and the order
 * refused it in its current state.
 */
export const FAILURE_PROBLEMS: Readonly<Record<FailureType, FailureProblem>> = {
  [FAILURE.orderState]: { status: 409, problemType: 'order-state', title: 'The order does not take this now' },
  [FAILURE.messageNotOpen]: { status: 409, problemType: 'message-not-open', title: 'The message is not open for an answer' },
  [FAILURE.wrongParty]: { status: 409, problemType: 'wrong-party', title: 'The message was not sent to this party' },
  [FAILURE.answerRefused]: { status: 409, problemType: 'answer-refused', title: 'The order refused the answer' },
  [FAILURE.compensationImpossible]: { status: 409, problemType: 'compensation-impossible', title: 'The undo cannot succeed' },
  [FAILURE.stockGone]: { status: 409, problemType: 'stock-gone', title: 'The held stock is gone' },
  [FAILURE.emptyBackOrder]: { status: 409, problemType: 'empty-back-order', title: 'Nothing is left to back-order' },
  [FAILURE.backOrderOfBackOrder]: { status: 409, problemType: 'back-order-of-back-order', title: 'A back order is not ordered again' },
  [FAILURE.backOrderConflict]: { status: 409, problemType: 'back-order-conflict', title: 'Another back order was placed already' },
};

function isFailureType(type: unknown): type is FailureType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(FAILURE_PROBLEMS, type);
}

/** A refusal from behind the Temporal boundary, as problem details; it keeps the failure for callers that act on it. */
export class FailureProblemException extends ProblemException {
  constructor(
    readonly failureType: FailureType,
    readonly failure: FailureDetail,
    detail: string,
  ) {
    const { status, problemType, title } = FAILURE_PROBLEMS[failureType];
    super(
      status,
      problemType,
      title,
      detail,
      failure.field ? [{ field: failure.field, message: detail }] : undefined,
      failure.state ? { state: failure.state } : undefined,
    );
  }
}

function detailOf(failure: ApplicationFailure): FailureDetail {
  const first = failure.details?.[0] as Partial<FailureDetail> | undefined;
  return {
    reason: typeof first?.reason === 'string' ? first.reason : failure.message,
    ...(typeof first?.field === 'string' ? { field: first.field } : {}),
    ...(typeof first?.state === 'string' ? { state: first.state } : {}),
  };
}

/**
 * The problem for a failure an order or activity raised: typed failures by the table, anything
 * else (a plain `Error` in a validator) as a 409 with its message, as an order refusing it.
 */
export function problemOfFailure(failure: ApplicationFailure): ProblemException {
  if (isFailureType(failure.type)) return new FailureProblemException(failure.type, detailOf(failure), failure.message);
  return conflict(failure.message);
}

/** The first `ApplicationFailure` in an error's cause chain, if there is one. */
export function applicationFailureIn(error: unknown): ApplicationFailure | undefined {
  for (let e = error as { cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e instanceof ApplicationFailure) return e;
  }
  return undefined;
}

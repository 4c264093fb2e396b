import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { FAILURE, type FailureDetail } from '@tradelane/contracts';
import { FAILURE_PROBLEMS, FailureProblemException, applicationFailureIn, problemOfFailure } from './failure-problems';

const raised = (type: string, message: string, detail?: FailureDetail) =>
  ApplicationFailure.create({ type, message, details: detail ? [detail] : undefined, nonRetryable: true });

describe('failure problems', () => {
  it('has a problem for every failure type the contracts name, each a 409 of its own type', () => {
    expect(Object.keys(FAILURE_PROBLEMS).sort()).toEqual(Object.values(FAILURE).sort());
    const types = Object.values(FAILURE_PROBLEMS).map((p) => p.problemType);
    expect(new Set(types).size).toBe(types.length);
    for (const problem of Object.values(FAILURE_PROBLEMS)) expect(problem.status).toBe(409);
  });

  it('answers a refused answer with its message as the detail, and the field it names in errors', () => {
    const problem = problemOfFailure(
      raised(FAILURE.answerRefused, '9999 EUR transferred, but 10000 EUR is due', { field: 'amount', reason: 'not the amount due' }),
    );
    expect(problem.getStatus()).toBe(409);
    expect(problem.getResponse()).toEqual({
      type: 'urn:tradelane:problem:answer-refused',
      title: 'The order refused the answer',
      status: 409,
      detail: '9999 EUR transferred, but 10000 EUR is due',
      errors: [{ field: 'amount', message: '9999 EUR transferred, but 10000 EUR is due' }],
    });
    expect(problem).toBeInstanceOf(FailureProblemException);
    expect((problem as FailureProblemException).failure).toEqual({ field: 'amount', reason: 'not the amount due' });
    expect((problem as FailureProblemException).failureType).toBe(FAILURE.answerRefused);
  });

  it("names the order's state for a state conflict, and no errors when no field is at fault", () => {
    const body = problemOfFailure(
      raised(FAILURE.orderState, 'order o-1 is already cancelling', { reason: 'cancelling', state: 'cancelling' }),
    ).getResponse();
    expect(body).toMatchObject({ type: 'urn:tradelane:problem:order-state', status: 409, detail: 'order o-1 is already cancelling', state: 'cancelling' });
    expect((body as { errors?: unknown }).errors).toBeUndefined();
  });

  it('answers an untyped failure (a plain Error in a validator) as a 409 conflict with its message', () => {
    const plain = ApplicationFailure.fromError(new Error('stock inquiry s-1 is already answered'));
    expect(plain.type).toBe('Error');
    const problem = problemOfFailure(plain);
    expect(problem).not.toBeInstanceOf(FailureProblemException);
    expect(problem.getResponse()).toMatchObject({
      type: 'urn:tradelane:problem:conflict',
      status: 409,
      detail: 'stock inquiry s-1 is already answered',
    });
  });

  it('takes a typed failure without details as one about no field', () => {
    const problem = problemOfFailure(raised(FAILURE.messageNotOpen, 'no stock inquiry s-9 is open on this order')) as FailureProblemException;
    expect(problem.failure).toEqual({ reason: 'no stock inquiry s-9 is open on this order' });
    expect(problem.getResponse()).toMatchObject({ type: 'urn:tradelane:problem:message-not-open', detail: 'no stock inquiry s-9 is open on this order' });
  });

  it('finds the failure an update failed with in the error the client throws', () => {
    const failure = raised(FAILURE.wrongParty, 'shipping inquiry q-1 was not sent to carrier c-2', { field: 'carrierId', reason: 'not sent to it' });
    expect(applicationFailureIn(new WorkflowUpdateFailedError('Workflow Update failed', failure))).toBe(failure);
    expect(applicationFailureIn(new Error('connection refused'))).toBeUndefined();
  });
});

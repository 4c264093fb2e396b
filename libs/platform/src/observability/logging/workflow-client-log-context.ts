import type {
  Next,
  WorkflowClientInterceptor,
  WorkflowSignalInput,
  WorkflowStartInput,
  WorkflowStartUpdateInput,
} from '@temporalio/client';
import { bindLogContext, orderFields } from './log-context';

/**
 * What a service learns about the order it acts on: starting, signalling or updating one binds
 * its ids for the rest of the request. Queries do not: a list may ask many orders.
 */
export class WorkflowClientLogContext implements WorkflowClientInterceptor {
  startWithDetails(input: WorkflowStartInput, next: Next<WorkflowClientInterceptor, 'startWithDetails'>) {
    bindLogContext(orderFields(input.options.workflowId));
    return next(input);
  }
  signal(input: WorkflowSignalInput, next: Next<WorkflowClientInterceptor, 'signal'>): Promise<void> {
    bindLogContext(orderFields(input.workflowExecution.workflowId));
    return next(input);
  }
  startUpdate(input: WorkflowStartUpdateInput, next: Next<WorkflowClientInterceptor, 'startUpdate'>) {
    bindLogContext(orderFields(input.workflowExecution.workflowId));
    return next(input);
  }
}

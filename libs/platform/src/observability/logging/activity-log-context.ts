import { trace } from '@opentelemetry/api';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { SERVICE_ATTRIBUTE } from '../tracing/attributes';
import { orderFields, withLogContext, type LogContext } from './log-context';

/**
 * An activity's lines name its service, the activity and, for an order's, the order and its
 * workflow: those its code logs (bound in the async context) and those the SDK logs about it
 * (its log attributes). Runs inside the activity's span, so the SDK's closing line names the
 * trace too; its opening line comes before any interceptor has read the trace's headers.
 */
export function activityLogContext(service: string): ActivityInterceptorsFactory {
  return (ctx) => {
    const { activityType, inWorkflow, workflowExecution } = ctx.info;
    const fields: LogContext = {
      service,
      activity: activityType,
      ...(inWorkflow && workflowExecution ? orderFields(workflowExecution.workflowId) : {}),
    };
    let traced: { trace_id: string; span_id: string } | undefined;
    return {
      inbound: {
        execute: (input, next) => {
          const span = trace.getActiveSpan();
          if (span) {
            span.setAttribute(SERVICE_ATTRIBUTE, service);
            traced = { trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId };
          }
          return withLogContext(fields, () => next(input));
        },
      },
      outbound: {
        getLogAttributes: (input, next) => next({ ...fields, ...traced, ...input }),
      },
    };
  };
}

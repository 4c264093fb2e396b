// Temporal's OpenTelemetry interceptors are written for the sandbox; they are the one package
// workflow code takes (trace context must cross Temporal in headers, not in our payloads).
/* eslint-disable @typescript-eslint/no-restricted-imports */
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
/* eslint-enable @typescript-eslint/no-restricted-imports */
import {
  patched,
  type Next,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/**
 * Tracing wraps the order's run and each command it sends in spans, which moves when promises
 * settle; orders that ran without it (0.1.0) must replay as they ran, so they stay untraced.
 */
export const TRACING_PATCH = 'opentelemetry-tracing';

type Method = (input: never, next: never) => unknown;

/** The traced call for orders that have the patch, the plain one for orders that ran before it. */
function gated<I extends object, K extends keyof I>(traced: I, name: K): I[K] {
  const method = (traced[name] as Method).bind(traced);
  return ((input: never, next: (input: never) => unknown) =>
    patched(TRACING_PATCH) ? method(input, next as never) : next(input)) as I[K];
}

function inbound(): WorkflowInboundCallsInterceptor {
  const traced = new OpenTelemetryInboundInterceptor();
  return {
    execute: gated(traced, 'execute'),
    handleSignal: gated(traced, 'handleSignal'),
    // Temporal's own flag keeps updates untraced for older orders.
    handleUpdate: (input, next) => traced.handleUpdate(input, next),
    // Not traced: validators and queries run only live, never on replay, and a span's ids come
    // from the workflow's seeded random numbers, so a span there would shift every later draw.
    validateUpdate: (input, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>) => next(input),
    handleQuery: (input, next) => next(input),
  };
}

function outbound(): WorkflowOutboundCallsInterceptor {
  const traced = new OpenTelemetryOutboundInterceptor();
  return {
    scheduleActivity: gated(traced, 'scheduleActivity'),
    scheduleLocalActivity: gated(traced, 'scheduleLocalActivity'),
    startChildWorkflowExecution: gated(traced, 'startChildWorkflowExecution'),
    continueAsNew: gated(traced, 'continueAsNew'),
    signalWorkflow: gated(traced, 'signalWorkflow'),
    getLogAttributes: (input, next) => traced.getLogAttributes(input, next),
  };
}

/**
 * The order's run continues the trace of the request that started it; each activity it
 * schedules continues the order's. Spans leave the sandbox through the worker's `exporter` sink.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [inbound()],
  outbound: [outbound()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});

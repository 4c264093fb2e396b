import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  makeWorkflowExporter,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { WorkflowSpanAttribution } from './service-attribution';
import { activeTracing } from './tracing';

/**
 * The trace crosses Temporal in headers: the client puts it on the workflow start, signals and
 * updates; the workflow's interceptors (workflows/order/interceptors.ts) on each activity.
 */
export function tracingClientInterceptors(): WorkflowClientInterceptor[] {
  return [new OpenTelemetryWorkflowClientInterceptor()];
}

/** Each activity runs in a span that continues the workflow's; its log lines carry that trace. */
export const tracingActivityInterceptors: ActivityInterceptorsFactory = (ctx) => ({
  inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
  outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
});

/**
 * Workflow spans leave the sandbox through this sink. The workflows' interceptors call it
 * whether or not this process traces, so without tracing it takes them and drops them.
 */
export function workflowSpanSinks(service: string): InjectedSinks<OpenTelemetrySinks> {
  const tracing = activeTracing();
  if (!tracing) return { exporter: { export: { fn: () => undefined } } };
  return { exporter: makeWorkflowExporter(new WorkflowSpanAttribution(tracing.spanProcessor, service), tracing.resource) };
}

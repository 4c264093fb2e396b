import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { isWrapped, registerInstrumentations, type InstrumentationBase } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ServiceAttribution } from './service-attribution';

export interface TracingOptions {
  /** OTEL_SERVICE_NAME, else this, else `tradelane` (a process that runs all five) */
  serviceName?: string;
  /** where spans go as each ends (tests: an InMemorySpanExporter); else OTLP when configured */
  exporter?: SpanExporter;
}

export interface Tracing {
  provider: NodeTracerProvider;
  resource: Resource;
  /** what workflow spans, which leave Temporal's sandbox through a sink, are handed to */
  spanProcessor: SpanProcessor;
}

let started: (Tracing & { instrumentations: InstrumentationBase[]; disable: () => void }) | undefined;

/**
 * Starts OpenTelemetry for this process, before Nest and the modules it patches load: HTTP in
 * and out, pg queries, fetch (undici). Spans are exported over OTLP/HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; without it they still carry the trace ids that log lines
 * name and that cross to the other services. A second call adds its exporter and changes nothing else.
 */
export function startTracing(options: TracingOptions = {}): Tracing {
  if (started) {
    if (options.exporter) started.provider.addSpanProcessor(new SimpleSpanProcessor(options.exporter));
    return started;
  }
  const resource = Resource.default().merge(
    new Resource({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? options.serviceName ?? 'tradelane' }),
  );
  const exporting: SpanProcessor[] = [];
  if (options.exporter) exporting.push(new SimpleSpanProcessor(options.exporter));
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) exporting.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new ServiceAttribution(), ...exporting] });
  provider.register();
  const instrumentations: InstrumentationBase[] = [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)\b/.test(req.url ?? '') }),
    new PgInstrumentation({ requireParentSpan: true }),
    new UndiciInstrumentation(),
  ];
  const disable = registerInstrumentations({ instrumentations });
  patchLoadedModules(instrumentations);
  started = { provider, resource, spanProcessor: fanOut(exporting), instrumentations, disable };
  return started;
}

export function activeTracing(): Tracing | undefined {
  return started;
}

/** Ends tracing in this process (tests), so that a later start begins clean. */
export async function stopTracing(): Promise<void> {
  if (!started) return;
  const { provider, disable } = started;
  started = undefined;
  disable();
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

/**
 * Patching happens as modules are required through Node's loader. A module loaded before, or
 * through a loader of its own (jest's, which also hides core modules from the hook), is
 * patched here, once.
 */
function patchLoadedModules(instrumentations: InstrumentationBase[]): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const loaded: [string, { prototype: object } | object, () => unknown][] = [
    ['http', require('node:http'), () => require('node:http').Server.prototype.emit],
    ['https', require('node:https'), () => require('node:https').request],
    ['pg', require('pg'), () => require('pg').Client.prototype.query],
  ];
  /* eslint-enable @typescript-eslint/no-require-imports */
  for (const [name, exports, patchedFunction] of loaded) {
    if (isWrapped(patchedFunction())) continue;
    for (const definition of instrumentations.flatMap((i) => i.getModuleDefinitions())) {
      if (definition.name !== name || !definition.patch) continue;
      definition.moduleExports = exports;
      definition.patch(exports, definition.moduleVersion);
    }
  }
}

function fanOut(processors: SpanProcessor[]): SpanProcessor {
  return {
    onStart: (span, parent) => processors.forEach((p) => p.onStart(span, parent)),
    onEnd: (span) => processors.forEach((p) => p.onEnd(span)),
    forceFlush: async () => {
      await Promise.all(processors.map((p) => p.forceFlush()));
    },
    shutdown: async () => undefined,
  };
}

import { trace, type Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { currentLogContext } from '../logging/log-context';
import { SERVICE_ATTRIBUTE } from './attributes';

/** Names each span's service: the one whose request or activity is running, else its parent's. */
export class ServiceAttribution implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const parent = trace.getSpan(parentContext) as Partial<ReadableSpan> | undefined;
    const service = currentLogContext().service ?? parent?.attributes?.[SERVICE_ATTRIBUTE];
    if (typeof service === 'string') span.setAttribute(SERVICE_ATTRIBUTE, service);
  }
  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

/** Workflow spans arrive finished from the sandbox; the worker that ran them names them. */
export class WorkflowSpanAttribution implements SpanProcessor {
  constructor(
    private readonly next: SpanProcessor,
    private readonly service: string,
  ) {}
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    (span.attributes as Record<string, unknown>)[SERVICE_ATTRIBUTE] ??= this.service;
    this.next.onEnd(span);
  }
  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

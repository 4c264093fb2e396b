import { Injectable } from '@nestjs/common';
import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type Metric,
} from 'prom-client';

let processRegistry: Registry | undefined;

/** Node's own numbers (CPU, memory, event loop, GC) belong to the process, which may hold several services. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

type Config<T> = Omit<T, 'registers'>;

/**
 * One service's metrics, served at its /metrics. Each Nest app has its own registry, so that a
 * service answers only its own numbers even when several run in one process (the test stack),
 * and code gets its instruments by injection rather than from module globals. Asking twice for
 * the same name gives the same instrument, so any number of services may declare what they count.
 */
@Injectable()
export class Metrics {
  private readonly registry = new Registry();

  readonly contentType = this.registry.contentType;

  counter<L extends string>(config: Config<CounterConfiguration<L>>): Counter<L> {
    return this.once(config.name, Counter, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<L extends string>(config: Config<GaugeConfiguration<L>>): Gauge<L> {
    return this.once(config.name, Gauge, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<L extends string>(config: Config<HistogramConfiguration<L>>): Histogram<L> {
    return this.once(config.name, Histogram, () => new Histogram({ ...config, registers: [this.registry] }));
  }

  /** The exposition text: this service's metrics, then the process's. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processMetrics().metrics()}`;
  }

  private once<T extends Metric>(name: string, kind: abstract new (...args: never[]) => T, make: () => T): T {
    const existing = this.registry.getSingleMetric(name);
    if (!existing) return make();
    if (!(existing instanceof kind)) throw new Error(`metric ${name} is registered already as another kind`);
    return existing;
  }
}

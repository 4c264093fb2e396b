import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConfig, type TemporalConfig } from '../config/namespaces';
import { WorkflowClientLogContext } from '../observability/logging/workflow-client-log-context';
import { tracingClientInterceptors } from '../observability/tracing/temporal-tracing';
import { TEMPORAL_CLIENT } from './temporal.tokens';
import { WorkerHost } from './worker-host';
import { WorkflowGateway } from './workflow-gateway';

class TemporalClientCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}
  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [temporalConfig.KEY],
      useFactory: async (config: TemporalConfig) => {
        const connection = await Connection.connect({ address: config.address });
        return new Client({
          connection,
          namespace: config.namespace,
          interceptors: { workflow: [new WorkflowClientLogContext(), ...tracingClientInterceptors()] },
        });
      },
    },
    TemporalClientCloser,
    WorkerHost,
    WorkflowGateway,
  ],
  exports: [TEMPORAL_CLIENT, WorkerHost, WorkflowGateway],
})
export class TemporalModule {}

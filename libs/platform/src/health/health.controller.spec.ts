import { HttpException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { DatabaseHealth } from './database.health';
import { HealthController } from './health.controller';
import { TemporalHealth } from './temporal.health';

/** The controller over Terminus's own check service, with the two probes answering as told. */
async function controller(database: 'up' | 'down', temporal: 'up' | 'down'): Promise<HealthController> {
  const indicators = new HealthIndicatorService();
  const result = (key: 'database' | 'temporal', status: 'up' | 'down') =>
    status === 'up' ? indicators.check(key).up() : indicators.check(key).down({ message: `${key} is unreachable: ECONNREFUSED` });
  const module = await Test.createTestingModule({
    imports: [TerminusModule.forRoot({ logger: false })],
    controllers: [HealthController],
    providers: [
      { provide: DatabaseHealth, useValue: { check: async () => result('database', database) } },
      { provide: TemporalHealth, useValue: { check: async () => result('temporal', temporal) } },
    ],
  }).compile();
  return module.get(HealthController);
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as HttpException);

describe('HealthController', () => {
  it('is ready with both up, and GET /health answers the same', async () => {
    const both = await controller('up', 'up');
    expect(await both.ready()).toMatchObject({ status: 'ok', database: 'up', temporal: 'up' });
    expect(await both.check()).toMatchObject({ status: 'ok', database: 'up', temporal: 'up' });
  });

  it('is not ready (503 problem) naming each dependency that is down, while still live', async () => {
    const error = await refusal((await controller('down', 'down')).ready());
    expect(error).toBeInstanceOf(HttpException);
    expect(error!.getStatus()).toBe(503);
    expect(error!.getResponse()).toMatchObject({
      type: 'urn:tradelane:problem:dependency-unavailable',
      status: 503,
      down: ['database', 'temporal'],
      detail: 'database is unreachable: ECONNREFUSED; temporal is unreachable: ECONNREFUSED',
    });
    expect((await refusal((await controller('up', 'down')).check()))!.getResponse()).toMatchObject({ dependency: 'temporal', down: ['temporal'] });
    expect((await controller('down', 'down')).live()).toEqual({ status: 'ok' });
  });
});

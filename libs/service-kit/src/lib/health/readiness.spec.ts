import { Global, Injectable, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createServiceFastifyAdapter } from '../service-fastify.adapter';
import { LivenessModule } from './liveness.module';
import { ReadinessModule, type ReadinessCheck } from './readiness.module';

/** A dependency whose answer a test switches off. */
@Injectable()
class Dependency {
  answers = true;
  async ping(): Promise<void> {
    if (!this.answers) throw new Error('gone');
  }
}

@Injectable()
class Queue extends Dependency {}

@Global()
@Module({ providers: [Dependency, Queue], exports: [Dependency, Queue] })
class DependenciesModule {}

async function startApp(checks: ReadinessCheck[]): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [DependenciesModule, ReadinessModule.forRoot(checks), LivenessModule],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const get = async (app: NestFastifyApplication, url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

describe('ReadinessModule (GET /health/ready)', () => {
  it('is ready whenever live when the service depends on nothing', async () => {
    const app = await startApp([]);
    try {
      expect(await get(app, '/health/ready')).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
    } finally {
      await app.close();
    }
  });

  it('answers 503 NOT_READY naming each dependency that does not answer, and recovers with it', async () => {
    const app = await startApp([
      { name: 'database', probe: Dependency },
      { name: 'queue', probe: Queue },
    ]);
    try {
      expect((await get(app, '/health/ready')).body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, queue: { status: 'up' } },
      });
      app.get(Queue).answers = false;
      expect(await get(app, '/health/ready')).toEqual({
        status: 503,
        body: { error: 'Not ready: queue unreachable', code: 'NOT_READY' },
      });
      app.get(Queue).answers = true;
      expect((await get(app, '/health/ready')).status).toBe(200);
      expect((await get(app, '/health/live')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

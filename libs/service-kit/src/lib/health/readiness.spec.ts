import { Global, Injectable, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createServiceFastifyAdapter } from '../service-fastify.adapter';
import { enableGracefulShutdown } from './graceful-shutdown';
import { LivenessModule } from './liveness.module';
import { ReadinessModule, type ReadinessCheck } from './readiness.module';
import { ShutdownDrain } from './shutdown-drain';

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

  it('fails with 503 SHUTTING_DOWN as soon as the app begins to stop, and serves requests until the drain is over', async () => {
    const app = await startApp([{ name: 'database', probe: Dependency }]);
    enableGracefulShutdown(app, { drainMs: 400 });
    let closed = false;
    const closing = app.close().then(() => (closed = true));
    try {
      await new Promise((resolve) => setImmediate(resolve));
      expect(app.get(ShutdownDrain).draining).toBe(true);
      expect(await get(app, '/health/ready')).toEqual({
        status: 503,
        body: { error: 'Shutting down: send new requests elsewhere', code: 'SHUTTING_DOWN' },
      });
      // Still serving: only readiness says to go elsewhere, and the listener closes once the drain is over.
      expect((await get(app, '/health/live')).status).toBe(200);
      expect(closed).toBe(false);
    } finally {
      await closing;
    }
    expect(closed).toBe(true);
  });

  it('closes at once with no drain configured (npm start, tests), readiness failing all the same', async () => {
    const app = await startApp([]);
    expect(app.get(ShutdownDrain).drainMs).toBe(0);
    const closing = app.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.get(ShutdownDrain).draining).toBe(true);
    await closing;
  });
});

describe('enableGracefulShutdown', () => {
  afterEach(() => jest.restoreAllMocks());

  it('stops on SIGTERM and SIGINT through process.exit, so a clean stop exits 0 (Nest would re-raise the signal: 143)', async () => {
    const app = await startApp([]);
    const hooks = jest.spyOn(app, 'enableShutdownHooks');
    try {
      enableGracefulShutdown(app, { drainMs: 50 });
      expect(hooks).toHaveBeenCalledWith(['SIGTERM', 'SIGINT'], { useProcessExit: true });
      expect(app.get(ShutdownDrain).drainMs).toBe(50);
    } finally {
      // The listeners go with the app: a test process must not keep a SIGTERM handler that exits it.
      await app.close();
    }
    expect(process.listeners('SIGTERM')).toHaveLength(0);
  });
});

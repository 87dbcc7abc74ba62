import { Body, Controller, Get, Logger as NestLogger, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { createServiceFastifyAdapter } from '../service-fastify.adapter';
import { createServiceLogger } from './service-logger';
import { DEADLINE_MARGIN_MS } from '../deadline/request-deadline';
import { currentDeadlineAt, currentRequestId, serviceLoggerModule } from './service-logger.module';

@Controller()
class EchoController {
  private readonly logger = new NestLogger('Echo');

  @Get('echo')
  echo() {
    this.logger.warn('serving');
    return { requestId: currentRequestId() };
  }

  /** Handled requests of `GET /deadline`, to see that a refused one never reached its handler. */
  static deadlineCalls = 0;

  @Get('deadline')
  async deadline() {
    EchoController.deadlineCalls++;
    // Read after an await, as a client call would be: the context must survive it.
    await new Promise((resolve) => setImmediate(resolve));
    return { deadlineAt: currentDeadlineAt() ?? null };
  }

  @Post('slow')
  async slowPost(@Body() body: unknown) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { got: typeof body };
  }

  @Get('slow')
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {};
  }

  @Post('echo')
  post(@Body() body: unknown) {
    return { got: typeof body };
  }
}

/** An app with the service logger writing its JSON lines to an array. */
async function appLoggingTo(lines: Record<string, unknown>[]) {
  const logger = createServiceLogger({ level: 'info', destination: { write: (l: string) => lines.push(JSON.parse(l)) } });
  @Module({ imports: [serviceLoggerModule(logger)], controllers: [EchoController] })
  class EchoModule {}
  const moduleRef = await Test.createTestingModule({ imports: [EchoModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter({ logger }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('serviceLoggerModule', () => {
  const lines: Record<string, unknown>[] = [];
  let app: NestFastifyApplication;

  beforeAll(async () => (app = await appLoggingTo(lines)));
  afterAll(() => app.close());
  beforeEach(() => (lines.length = 0));

  const completed = () => lines.filter((line) => line['msg'] === 'request completed');

  it('tags the request line and every Logger line of the request with the incoming x-request-id, and echoes it', async () => {
    const response = await request(app.getHttpServer()).get('/echo').set('x-request-id', 'req-42').expect(200);

    expect(response.headers['x-request-id']).toBe('req-42');
    expect(response.body).toEqual({ requestId: 'req-42' });
    expect(lines.find((line) => line['msg'] === 'serving')).toMatchObject({ reqId: 'req-42', level: 40 });
    expect(completed()).toEqual([
      expect.objectContaining({ reqId: 'req-42', req: { id: 'req-42', method: 'GET', url: '/echo' }, res: { statusCode: 200 } }),
    ]);
  });

  it('writes one line per request, when it is answered', async () => {
    await request(app.getHttpServer()).get('/echo').set('x-request-id', 'req-43').expect(200);

    expect(lines.filter((line) => line['reqId'] === 'req-43').map((line) => line['msg'])).toEqual(['serving', 'request completed']);
  });

  it.each([
    ['no x-request-id', undefined],
    ['an x-request-id that is too long', 'x'.repeat(129)],
    ['an x-request-id with characters a log reader could trip on', 'a"b<script>'],
  ])('generates a UUID for %s', async (_case, incoming) => {
    const call = request(app.getHttpServer()).get('/echo');
    const response = await (incoming === undefined ? call : call.set('x-request-id', incoming)).expect(200);

    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(response.body).toEqual({ requestId: id });
    expect(completed()[0]).toMatchObject({ reqId: id });
  });

  it('logs neither headers (so no Authorization) nor bodies', async () => {
    await request(app.getHttpServer())
      .post('/echo')
      .set('Authorization', 'Bearer top-secret-token')
      .send({ password: 'hunter2' })
      .expect(201);
    const written = JSON.stringify(lines);
    expect(completed()).toHaveLength(1);
    expect(written).not.toContain('top-secret-token');
    expect(written).not.toContain('hunter2');
    expect(written).not.toMatch(/authorization/i);
  });

  it('knows no request id outside a request', () => {
    expect(currentRequestId()).toBeUndefined();
  });

  describe('with the caller’s budget (x-deadline-ms)', () => {
    it('keeps its deadline, arrival + budget − margin, in the request’s context, and logs the budget on the request line', async () => {
      const before = Date.now();
      const response = await request(app.getHttpServer()).get('/deadline').set('x-deadline-ms', '300').set('x-request-id', 'req-b1').expect(200);
      const after = Date.now();

      expect(response.body.deadlineAt).toBeGreaterThanOrEqual(before + 300 - DEADLINE_MARGIN_MS);
      expect(response.body.deadlineAt).toBeLessThanOrEqual(after + 300 - DEADLINE_MARGIN_MS);
      expect(completed()).toEqual([expect.objectContaining({ reqId: 'req-b1', budgetMs: 300, res: { statusCode: 200 } })]);
    });

    it('has no deadline, and logs no budget, for a request that came without one', async () => {
      const response = await request(app.getHttpServer()).get('/deadline').expect(200);
      expect(response.body).toEqual({ deadlineAt: null });
      expect(completed()[0]).not.toHaveProperty('budgetMs');
    });

    it('answers a spent budget with 503 DEADLINE_EXCEEDED without running the handler, and logs the answer', async () => {
      const calls = EchoController.deadlineCalls;
      const response = await request(app.getHttpServer()).get('/deadline').set('x-deadline-ms', '0').expect(503);
      expect(response.body).toEqual({ error: expect.stringMatching(/deadline passed/), code: 'DEADLINE_EXCEEDED' });
      expect(EchoController.deadlineCalls).toBe(calls);
      expect(completed()).toEqual([expect.objectContaining({ res: { statusCode: 503 } })]);
    });

    it('answers a malformed budget with 400 INVALID_DEADLINE without running the handler', async () => {
      const calls = EchoController.deadlineCalls;
      const response = await request(app.getHttpServer()).get('/deadline').set('x-deadline-ms', 'soon').expect(400);
      expect(response.body).toEqual({ error: expect.stringMatching(/^Invalid x-deadline-ms header: /), code: 'INVALID_DEADLINE' });
      expect(EchoController.deadlineCalls).toBe(calls);
    });

    it('writes a request aborted line, with the budget, for a request whose caller hung up before the answer', async () => {
      await expect(
        request(app.getHttpServer()).get('/slow').set('x-deadline-ms', '100').set('x-request-id', 'req-gone').timeout(50),
      ).rejects.toThrow(/Timeout/);
      const deadline = Date.now() + 2_000;
      while (!lines.some((line) => line['msg'] === 'request aborted') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 400)); // past the handler's answer: no second line
      expect(lines.filter((line) => line['reqId'] === 'req-gone')).toEqual([
        expect.objectContaining({ msg: 'request aborted', budgetMs: 100, req: { id: 'req-gone', method: 'GET', url: '/slow' } }),
      ]);
    });

    // The body read, the request itself has closed: only the response tells that the caller left.
    it('writes a request aborted line too for a caller that sent a body and then hung up', async () => {
      await expect(
        request(app.getHttpServer()).post('/slow').set('x-request-id', 'req-gone-post').send({ item: 'Lamp' }).timeout(50),
      ).rejects.toThrow(/Timeout/);
      const deadline = Date.now() + 2_000;
      while (!lines.some((line) => line['reqId'] === 'req-gone-post') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(lines.filter((line) => line['reqId'] === 'req-gone-post')).toEqual([
        expect.objectContaining({ msg: 'request aborted', req: { id: 'req-gone-post', method: 'POST', url: '/slow' } }),
      ]);
    });

    it('knows no deadline outside a request', () => {
      expect(currentDeadlineAt()).toBeUndefined();
    });
  });
});

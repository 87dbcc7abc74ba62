import { HttpService } from '@nestjs/axios';
import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { axiosHttpError, axiosResponse } from '@boundary/testing';
import { of, throwError, type Observable } from 'rxjs';
import { DEADLINE_MARGIN_MS } from '@boundary/service-kit';
import { startUserServiceTestApp, TEST_TIMEOUT_MS, type UserServiceTestApp } from '../user-service.test-app';

const TOKEN = 'shared-service-token-for-tests';

describe('User Service request ids, budgets and service token — HttpService overridden, logs read from a stream', () => {
  let app: INestApplication;
  let get: UserServiceTestApp['get'];
  const httpGet = jest.fn<Observable<unknown>, [string, { headers: Record<string, string> }]>();
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    ({ app, get } = await startUserServiceTestApp(
      (builder) => builder.overrideProvider(HttpService).useValue({ get: httpGet }),
      undefined,
      { orderClient: { token: TOKEN }, logDestination: { write: (line: string) => lines.push(JSON.parse(line)) } },
    ));
  });
  afterAll(() => app.close());
  beforeEach(() => {
    httpGet.mockReset();
    lines.length = 0;
  });

  const sentHeaders = () => httpGet.mock.calls[0][1].headers;

  it('sends the incoming x-request-id upstream, echoes it and tags its log lines with it', async () => {
    httpGet.mockReturnValue(of(axiosResponse(DEMO_ORDERS)));

    const response = await get('/users/user123/orders').set('x-request-id', 'trace-abc-123').expect(200);

    expect(sentHeaders()['x-request-id']).toBe('trace-abc-123');
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
    expect(lines).toContainEqual(
      expect.objectContaining({ reqId: 'trace-abc-123', msg: 'request completed', res: { statusCode: 200 } }),
    );
  });

  it('generates an id when none comes in, and sends that one upstream', async () => {
    httpGet.mockReturnValue(of(axiosResponse([])));

    const response = await get('/users/user000/orders').expect(200);

    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sentHeaders()['x-request-id']).toBe(id);
    expect(lines).toContainEqual(expect.objectContaining({ reqId: id, msg: 'request completed' }));
  });

  it('sends the service token upstream but never writes it to a log line', async () => {
    httpGet.mockReturnValue(throwError(() => axiosHttpError(401, { error: 'Unauthorized', code: 'UNAUTHORIZED' })));

    await get('/users/user123/orders').set('x-request-id', 'token-check').expect(502);

    expect(sentHeaders()['Authorization']).toBe(`Bearer ${TOKEN}`);
    const configurationError = lines.find((line) => String(line['msg']).startsWith('Configuration error'));
    expect(configurationError).toMatchObject({ reqId: 'token-check', level: 50 });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  describe('with the caller’s budget (x-deadline-ms)', () => {
    it('gives the Order Service call at most what is left of it, less the margin, and logs the budget received', async () => {
      httpGet.mockReturnValue(of(axiosResponse(DEMO_ORDERS)));
      const budget = TEST_TIMEOUT_MS.doubles + 10;

      await get('/users/user123/orders').set('x-deadline-ms', String(budget)).set('x-request-id', 'budget-1').expect(200);

      const sent = Number(sentHeaders()['x-deadline-ms']);
      expect(sent).toBeLessThanOrEqual(budget - DEADLINE_MARGIN_MS);
      expect(sent).toBeGreaterThan(0);
      expect(lines).toContainEqual(expect.objectContaining({ reqId: 'budget-1', msg: 'request completed', budgetMs: budget }));
    });

    it('keeps its own timeout without one', async () => {
      httpGet.mockReturnValue(of(axiosResponse(DEMO_ORDERS)));
      // The clock stands still for this request: the budget sent is then exactly its own timeout, however busy the
      // machine (a real clock let a loaded CI worker spend more than the 10 ms this once allowed).
      const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
      try {
        await get('/users/user123/orders').expect(200);
      } finally {
        clock.mockRestore();
      }
      expect(Number(sentHeaders()['x-deadline-ms'])).toBe(TEST_TIMEOUT_MS.doubles);
    });

    it('calls no one for a budget spent on arrival: 503 DEADLINE_EXCEEDED with the user id', async () => {
      const response = await get('/users/user123/orders').set('x-deadline-ms', '5').expect(503);
      expect(response.body).toEqual({ error: expect.stringMatching(/deadline passed/), code: 'DEADLINE_EXCEEDED', user_id: 'user123' });
      expect(httpGet).not.toHaveBeenCalled();
    });
  });
});

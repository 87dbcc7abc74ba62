import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ServiceProcess } from './service-process';

const TOKEN = 'full-stack-user-service-token-0123456789';

describe('full stack: request ids, JSON logs and the User Service’s credential across both real processes', () => {
  let orderService: ServiceProcess;
  let userService: ServiceProcess;

  beforeAll(async () => {
    orderService = await ServiceProcess.start('order-service', { ORDER_SERVICE_TOKENS_USER_SERVICE: TOKEN, SEED_DEMO_DATA: 'true', DATABASE_URL: '' });
    userService = await ServiceProcess.start('user-service', { ORDER_SERVICE_URL: orderService.url, ORDER_SERVICE_TOKEN: TOKEN });
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
  });

  it('carries the caller’s x-request-id into both services’ JSON log lines, names the consumer, and never logs the token', async () => {
    const response = await fetch(`${userService.url}/users/user123/orders`, { headers: { 'x-request-id': 'e2e-trace-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('e2e-trace-1');

    // The user-service logs its line after answering: wait for it rather than race it.
    const deadline = Date.now() + 5_000;
    while (userService.linesOf('e2e-trace-1').length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(orderService.linesOf('e2e-trace-1')).toContainEqual(
      expect.objectContaining({ msg: 'request completed', res: { statusCode: 200 }, consumer: 'user-service' }),
    );
    expect(userService.linesOf('e2e-trace-1')).toContainEqual(
      expect.objectContaining({ msg: 'request completed', res: { statusCode: 200 } }),
    );
    expect(orderService.log + userService.log).not.toContain(TOKEN);
  });

  it('answers 401 JSON to a caller without the token', async () => {
    const response = await fetch(`${orderService.url}/users/user123/orders`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('maps a wrong token to 502 ORDER_SERVICE_REJECTED and logs a configuration error', async () => {
    const misconfigured = await ServiceProcess.start('user-service', {
      ORDER_SERVICE_URL: orderService.url,
      ORDER_SERVICE_TOKEN: 'a-different-token-0123456789',
    });
    try {
      const response = await fetch(`${misconfigured.url}/users/user123/orders`);
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ code: 'ORDER_SERVICE_REJECTED' });
      expect(misconfigured.log).toMatch(/"level":50.*Configuration error/);
    } finally {
      await misconfigured.stop();
    }
  });
});

describe('full stack: Order Service start-up in production', () => {
  /** The built Order Service started in production with `env`, until it exits. */
  const startInProduction = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(__dirname, '../../../dist/apps/order-service/main.js')], {
      env: { PATH: process.env['PATH'], NODE_ENV: 'production', PORT: '0', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('exits 1 with a message naming ORDER_SERVICE_TOKENS_USER_SERVICE when it is not set', () => {
    const result = startInProduction();
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('ORDER_SERVICE_TOKENS_USER_SERVICE: is required when NODE_ENV=production');
  });

  it('exits 1 with one line naming the variable, not the token, for a set with a short next token', () => {
    const result = startInProduction({ ORDER_SERVICE_TOKENS_USER_SERVICE: 'a-current-token-of-32-characters,shortnext' });
    expect(result.status).toBe(1);
    const errors = (result.stdout + result.stderr).split('\n').filter((line) => line.includes('Invalid Order Service configuration'));
    expect(errors).toEqual([expect.stringContaining('ORDER_SERVICE_TOKENS_USER_SERVICE: entry 2 must be at least 16 characters')]);
    expect(result.stdout + result.stderr).not.toMatch(/shortnext|a-current-token-of-32/);
  });
});

describe('full stack: Order Service without accepted sets in development', () => {
  it('answers calls that carry no token, and says at start-up that it does', async () => {
    const open = await ServiceProcess.start('order-service', { SEED_DEMO_DATA: 'true', DATABASE_URL: '' });
    try {
      expect((await fetch(`${open.url}/users/user123/orders`)).status).toBe(200);
      expect(open.log).toMatch(/"level":40.*No ORDER_SERVICE_TOKENS_<CONSUMER> set: accepting every call, its caller unknown \(development only\)/);
    } finally {
      await open.stop();
    }
  });
});

import { ServiceProcess } from './service-process';

describe('full stack: User Service → Order Service, both real processes on free ports', () => {
  let orderService: ServiceProcess;
  let userService: ServiceProcess;

  beforeAll(async () => {
    // Its own in-memory embedded database with the demo data, even when the run has a DATABASE_URL.
    orderService = await ServiceProcess.start('order-service', { SEED_DEMO_DATA: 'true', DATABASE_URL: '' });
    userService = await ServiceProcess.start('user-service', {
      ORDER_SERVICE_URL: orderService.url,
      ORDER_SERVICE_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
  });

  const getJson = async (path: string) => {
    const response = await fetch(`${userService.url}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it('answers user123’s two orders from the real Order Service', async () => {
    expect(await getJson('/users/user123/orders')).toEqual({
      status: 200,
      body: {
        user_id: 'user123',
        orders: [
          { order_id: 'ord001', item: 'Laptop', quantity: 1 },
          { order_id: 'ord002', item: 'Mouse', quantity: 2 },
        ],
      },
    });
  });

  it('answers an empty history with 200 and no orders, not 404', async () => {
    expect(await getJson('/users/user000/orders')).toEqual({ status: 200, body: { user_id: 'user000', orders: [] } });
  });

  it('answers 404 for a user the Order Service does not know', async () => {
    expect(await getJson('/users/user456/orders')).toEqual({
      status: 404,
      body: { error: 'User not found', code: 'USER_NOT_FOUND', user_id: 'user456' },
    });
  });

  it('carries an id that needs encoding through both hops as one segment', async () => {
    const id = '../user123';
    expect(await getJson(`/users/${encodeURIComponent(id)}/orders`)).toEqual({
      status: 404,
      body: { error: 'User not found', code: 'USER_NOT_FOUND', user_id: id },
    });
  });

  it('answers 400 for an invalid id without a stack trace', async () => {
    const { status, body } = await getJson(`/users/${'x'.repeat(129)}/orders`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_USER_ID' });
  });

  it('answers 502 once the Order Service is down (connection refused)', async () => {
    await orderService.stop();
    expect(await getJson('/users/user123/orders')).toEqual({
      status: 502,
      body: { error: 'Order Service unavailable', code: 'ORDER_SERVICE_UNAVAILABLE', user_id: 'user123' },
    });
  });
});

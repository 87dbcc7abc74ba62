import { startUserServiceTestApp } from './user-service.test-app';

/** The test app serves only the orders API unless told: these tests are about the health endpoints. */
const SERVES = { serves: ['health'] } as const;

describe('User Service GET /health/live', () => {
  it('answers 200 with status ok without calling the Order Service', async () => {
    const { app, get } = await startUserServiceTestApp(undefined, undefined, SERVES);
    try {
      const response = await get('/health/live').expect(200);
      expect(response.body).toMatchObject({ status: 'ok' });
    } finally {
      await app.close();
    }
  });
});

describe('User Service GET /health/ready', () => {
  it('answers 200 whenever it is live, without calling the Order Service (its outages are answered, not a reason to leave the load balancer)', async () => {
    const { app, get } = await startUserServiceTestApp(undefined, undefined, SERVES);
    try {
      const response = await get('/health/ready').expect(200);
      expect(response.body).toMatchObject({ status: 'ok' });
    } finally {
      await app.close();
    }
  });
});

import { startUserServiceTestApp } from './user-service.test-app';

describe('User Service GET /health/live', () => {
  it('answers 200 with status ok without calling the Order Service', async () => {
    const { app, get } = await startUserServiceTestApp();
    try {
      const response = await get('/health/live').expect(200);
      expect(response.body).toMatchObject({ status: 'ok' });
    } finally {
      await app.close();
    }
  });
});

import { startOrderServiceTestApp } from './order-service.test-app';
import { TEST_BACKENDS } from './testing/test-databases';

describe('Order Service logs (JSON lines read from a stream)', () => {
  it('tags the request line with the caller’s x-request-id and the consumer its token named, and writes neither the token nor headers', async () => {
    const lines: Record<string, unknown>[] = [];
    const token = 'token-that-must-not-be-logged-42';
    const testDatabase = await TEST_BACKENDS[0].create();
    const { app, get } = await startOrderServiceTestApp(testDatabase.options(), {
      acceptedTokens: { 'user-service': [token] },
      logDestination: { write: (l: string) => lines.push(JSON.parse(l)) },
    });
    try {
      const response = await get('/users/user456/orders')
        .set('Authorization', `Bearer ${token}`)
        .set('x-request-id', 'from-user-service-7')
        .expect(404);

      expect(response.headers['x-request-id']).toBe('from-user-service-7');
      expect(lines).toContainEqual(
        expect.objectContaining({
          reqId: 'from-user-service-7',
          msg: 'request completed',
          req: { id: 'from-user-service-7', method: 'GET', url: '/users/user456/orders' },
          res: { statusCode: 404 },
          consumer: 'user-service',
        }),
      );
      expect(JSON.stringify(lines)).not.toContain(token);
      expect(JSON.stringify(lines)).not.toMatch(/authorization/i);
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });
});

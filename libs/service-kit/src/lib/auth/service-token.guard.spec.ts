import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { ServiceTokenGuard } from './service-token.guard';

const TOKEN = 'the-shared-service-token-0123456789';

/** The execution context of an HTTP request to `url` with these headers. */
function call(url: string, headers: Record<string, string> = {}): ExecutionContext {
  const request = { url, routeOptions: { url }, headers };
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

describe('ServiceTokenGuard', () => {
  it('lets every call through without a configured token (development)', () => {
    expect(new ServiceTokenGuard(undefined).canActivate(call('/orders'))).toBe(true);
  });

  it('lets a call with Authorization: Bearer <token> through', () => {
    expect(new ServiceTokenGuard(TOKEN).canActivate(call('/orders', { authorization: `Bearer ${TOKEN}` }))).toBe(true);
  });

  it('refuses a call without the token with 401 JSON {error, code: UNAUTHORIZED}', () => {
    const refusal = () => new ServiceTokenGuard(TOKEN).canActivate(call('/orders', { authorization: 'Bearer wrong' }));
    expect(refusal).toThrow(UnauthorizedException);
    expect(refusal).toThrow(
      expect.objectContaining({ response: { error: 'Missing or invalid service token', code: 'UNAUTHORIZED' } }),
    );
  });

  it('keeps the health probes open', () => {
    expect(new ServiceTokenGuard(TOKEN).canActivate(call('/health/ready'))).toBe(true);
  });
});

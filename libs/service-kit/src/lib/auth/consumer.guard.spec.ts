// The module object itself (a namespace import would be a copy), so the matcher sees the spy.
import crypto from 'node:crypto';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ConsumerCredentials } from './consumer-credentials';
import { ConsumerGuard } from './consumer.guard';
import { OnlyConsumers } from './only-consumers.decorator';
import { consumerOf } from './request-consumer';

const ORDER_CURRENT = 'order-service-current-token-0123';
const ORDER_NEXT = 'order-service-next-token-0123456';
const FULFILMENT = 'fulfilment-service-token-01234567';
const CREDENTIALS: ConsumerCredentials = {
  provider: 'inventory-service',
  accepted: { 'order-service': [ORDER_CURRENT, ORDER_NEXT], 'fulfilment-service': [FULFILMENT] },
  open: false,
};

class Reservations {
  @OnlyConsumers('order-service')
  reserve() {
    return undefined;
  }

  items() {
    return undefined;
  }
}

/** The execution context of an HTTP request to `url` served by `handler`, with these headers. */
function call(url: string, headers: Record<string, string> = {}, handler: keyof Reservations = 'items') {
  const request = { url, routeOptions: { url }, headers };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => Reservations.prototype[handler],
    getClass: () => Reservations,
  } as unknown as ExecutionContext;
  return { request, context };
}

const guard = (credentials = CREDENTIALS) => new ConsumerGuard(credentials, new Reflector());
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('ConsumerGuard', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['the order-service’s current token', ORDER_CURRENT, 'order-service'],
    ['the order-service’s next token (a rotation under way)', ORDER_NEXT, 'order-service'],
    ['the fulfilment-service’s token', FULFILMENT, 'fulfilment-service'],
  ])('lets %s through and names the caller for the request line', (_case, token, consumer) => {
    const { request, context } = call('/items/Lamp', bearer(token));
    expect(guard().canActivate(context)).toBe(true);
    expect(consumerOf(request)).toBe(consumer);
  });

  it.each([
    ['no Authorization header', {}],
    ['a token no consumer has', bearer('x'.repeat(ORDER_CURRENT.length))],
    ['a token with a suffix', bearer(`${ORDER_CURRENT}x`)],
    ['a token under another scheme', { authorization: `Basic ${ORDER_CURRENT}` }],
  ])('refuses %s with 401 {error, code: UNAUTHORIZED}, naming no caller', (_case, headers) => {
    const { request, context } = call('/items/Lamp', headers);
    const refusal = () => guard().canActivate(context);
    expect(refusal).toThrow(UnauthorizedException);
    expect(refusal).toThrow(expect.objectContaining({ response: { error: 'Missing or invalid service token', code: 'UNAUTHORIZED' } }));
    expect(consumerOf(request)).toBeUndefined();
  });

  it('answers a known consumer on a route kept for another 403 {error, code: FORBIDDEN_CONSUMER}, naming it', () => {
    const { request, context } = call('/reservations', bearer(FULFILMENT), 'reserve');
    const refusal = () => guard().canActivate(context);
    expect(refusal).toThrow(ForbiddenException);
    expect(refusal).toThrow(
      expect.objectContaining({ response: { error: 'The fulfilment-service may not call this route', code: 'FORBIDDEN_CONSUMER' } }),
    );
    expect(consumerOf(request)).toBe('fulfilment-service');
  });

  it('lets the consumer a route is kept for through', () => {
    expect(guard().canActivate(call('/reservations', bearer(ORDER_NEXT), 'reserve').context)).toBe(true);
  });

  it('compares against every accepted token in constant time, whichever matches: timingSafeEqual on 32-byte digests', () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    guard().canActivate(call('/items/Lamp', bearer(ORDER_CURRENT)).context);
    expect(compare).toHaveBeenCalledTimes(3);
    expect(() => guard().canActivate(call('/items/Lamp', bearer('short')).context)).toThrow(UnauthorizedException);
    expect(compare).toHaveBeenCalledTimes(6);
    for (const [presented, accepted] of compare.mock.calls as [Buffer, Buffer][]) expect([presented.length, accepted.length]).toEqual([32, 32]);
  });

  it('keeps the health probes open', () => {
    expect(guard().canActivate(call('/health/ready').context)).toBe(true);
  });

  it('lets every call through, unnamed, when open (development without accepted sets)', () => {
    const { request, context } = call('/reservations', {}, 'reserve');
    expect(guard({ provider: 'inventory-service', accepted: {}, open: true }).canActivate(context)).toBe(true);
    expect(consumerOf(request)).toBeUndefined();
  });

  it('refuses every call when closed without accepted sets (production, no consumer declared yet)', () => {
    const closed = guard({ provider: 'fulfilment-service', accepted: {}, open: false });
    expect(() => closed.canActivate(call('/items/Lamp', bearer(ORDER_CURRENT)).context)).toThrow(UnauthorizedException);
  });
});

import {
  OrderServiceCircuitOpenError,
  OrderServiceRejectedError,
  OrderServiceUnavailableError,
} from '@boundary/order-client';
import { Logger } from '@nestjs/common';
import { orderServiceProblem } from './order-service.problem';

describe('orderServiceProblem', () => {
  let error: jest.SpyInstance;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [4_000, '4'],
    [4_001, '5'],
    [1, '1'],
  ])('answers an open breaker (%i ms left) with 503 and Retry-After %s seconds', (retryAfterMs, seconds) => {
    expect(orderServiceProblem(new OrderServiceCircuitOpenError('u1', retryAfterMs))).toEqual({
      status: 503,
      error: 'Order Service unavailable, not called while it recovers',
      code: 'ORDER_SERVICE_CIRCUIT_OPEN',
      headers: { 'Retry-After': seconds },
    });
  });

  it('answers an Order Service that was reached but failed with 502, without Retry-After', () => {
    expect(orderServiceProblem(new OrderServiceUnavailableError('u1', 503))).toEqual({
      status: 502,
      error: 'Order Service unavailable',
      code: 'ORDER_SERVICE_UNAVAILABLE',
    });
  });

  it.each([401, 403])('answers %i upstream with 502 and logs it as a configuration error, once', (status) => {
    expect(orderServiceProblem(new OrderServiceRejectedError('u1', status))).toMatchObject({
      status: 502,
      code: 'ORDER_SERVICE_REJECTED',
    });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^Configuration error: .*\(\d{3}\).*ORDER_SERVICE_TOKEN/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs another rejection (400) as a warning, not a configuration error', () => {
    orderServiceProblem(new OrderServiceRejectedError('u1', 400));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });
});

import { OrderHistoryQuerySchema } from './order-history-query.schema';

describe('OrderHistoryQuerySchema', () => {
  it('defaults to 50 orders and no cursor', () => {
    expect(OrderHistoryQuerySchema.parse({})).toEqual({ limit: 50 });
  });

  it('reads limit and cursor from query strings', () => {
    expect(OrderHistoryQuerySchema.parse({ limit: '100', cursor: 'abc' })).toEqual({ limit: 100, cursor: 'abc' });
  });

  it.each([
    ['0', /at least 1/],
    ['101', /at most 100/],
    ['-1', /whole number/],
    ['1.5', /whole number/],
    ['ten', /whole number/],
    ['', /whole number/],
  ])('rejects limit=%j, naming the field', (limit, message) => {
    const result = OrderHistoryQuerySchema.safeParse({ limit });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['limit']);
    expect(result.error?.issues[0].message).toMatch(message);
  });

  it('rejects a repeated limit', () => {
    expect(OrderHistoryQuerySchema.safeParse({ limit: ['1', '2'] }).success).toBe(false);
  });
});

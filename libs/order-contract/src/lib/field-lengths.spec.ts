import { z } from 'zod';
import { IdempotencyKeySchema, MAX_IDEMPOTENCY_KEY_LENGTH } from '@boundary/http-conventions';
import { CreateOrderRequestSchema } from './create-order.schema';
import { OrderIdSchema, MAX_ORDER_ID_LENGTH } from './order-id.schema';
import { MAX_ITEM_LENGTH } from '@boundary/inventory-contract';
import { OrderSchema } from './order.schema';
import { MAX_USER_ID_LENGTH, UserIdSchema } from './user-id.schema';

// U+1F600: one code point, two UTF-16 units — where the two meanings of "length" part.
const ASTRAL = '😀';

describe('lengths count Unicode code points, not UTF-16 units', () => {
  const order = (item: string) => ({ order_id: 'o', item, quantity: 1 });
  const newOrder = (item: string) => ({ user_id: 'user123', item, quantity: 1 });

  it.each([
    ['a user id', (text: string) => UserIdSchema.safeParse(text), MAX_USER_ID_LENGTH],
    ['an order id', (text: string) => OrderIdSchema.safeParse(text), MAX_ORDER_ID_LENGTH],
    ['an item of an order', (text: string) => OrderSchema.safeParse(order(text)), MAX_ITEM_LENGTH],
    ['an item of a new order', (text: string) => CreateOrderRequestSchema.safeParse(newOrder(text)), MAX_ITEM_LENGTH],
  ])('%s of %i astral characters is accepted, one more is not', (_case, parse, maxLength) => {
    expect(parse(ASTRAL.repeat(maxLength)).success).toBe(true);
    const tooLong = parse(ASTRAL.repeat(maxLength + 1));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0].message).toContain(`at most ${maxLength} characters`);
  });

  it('an idempotency key is printable ASCII, so no astral character fits, however short', () => {
    expect(IdempotencyKeySchema.safeParse('k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH)).success).toBe(true);
    expect(IdempotencyKeySchema.safeParse('k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1)).success).toBe(false);
    const astral = IdempotencyKeySchema.safeParse(ASTRAL);
    expect(astral.error?.issues[0].message).toBe('must be printable ASCII without spaces');
  });

  it('publishes the same limits as JSON Schema maxLength, which counts code points too', () => {
    expect(z.toJSONSchema(OrderSchema).properties?.['item']).toMatchObject({
      minLength: 1,
      maxLength: MAX_ITEM_LENGTH,
    });
    expect(z.toJSONSchema(UserIdSchema)).toMatchObject({ minLength: 1, maxLength: MAX_USER_ID_LENGTH });
    expect(z.toJSONSchema(IdempotencyKeySchema)).toMatchObject({ maxLength: MAX_IDEMPOTENCY_KEY_LENGTH });
  });
});

import { z } from 'zod';
import { boundedTextSchema } from '@boundary/http-conventions';
import { MAX_ITEM_LENGTH } from '@boundary/inventory-contract';
import { OrderStatusSchema } from './order-status.schema';

/**
 * One order as it travels on the wire from the Order Service. The field names are fixed: clients in other
 * languages read them. Unknown extra fields are tolerated and stripped (tolerant reader), so the provider may
 * add fields without breaking consumers. Lengths count Unicode code points (`codePointLength`), as PostgreSQL does.
 */
export const OrderSchema = z.object({
  order_id: z.string().min(1),
  item: boundedTextSchema(MAX_ITEM_LENGTH),
  quantity: z.number().int().positive(),
  /**
   * Always sent by the Order Service. A reader fills in `placed` when it is absent: an Order Service older than the
   * field only ever had placed orders, so consumers may deploy before it.
   */
  status: OrderStatusSchema.default('placed'),
});

export type Order = z.infer<typeof OrderSchema>;

/** `GET /users/:userId/orders` answers a bare JSON array of orders — no wrapper object. */
export const OrderListSchema = z.array(OrderSchema);

export type OrderList = z.infer<typeof OrderListSchema>;

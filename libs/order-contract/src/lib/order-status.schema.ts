import { z } from 'zod';

/**
 * What became of an order: `placed` — its units are reserved and fulfilment is told —, or `backordered` — the
 * inventory held nothing for it any more when the Order Service came to confirm it (the hold had expired and the
 * stock was sold meanwhile), so fulfilment is never told. A backordered order stays backordered: restocking and
 * retrying it are not offered.
 */
export const ORDER_STATUSES = ['placed', 'backordered'] as const;

export const OrderStatusSchema = z
  .enum(ORDER_STATUSES)
  .describe(
    '`placed`: the units are reserved and fulfilment is told. `backordered`: the inventory held nothing for the order ' +
      'any more when the Order Service came to confirm its reservation (the hold expired and the stock was sold ' +
      'meanwhile), so fulfilment is never told. A backordered order stays backordered: restocking and retrying it are ' +
      'not offered.',
  );

export type OrderStatus = z.infer<typeof OrderStatusSchema>;

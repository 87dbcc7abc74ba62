import { ORDER_PLACED_DELIVERY_LIMIT, ORDER_PLACED_QUEUE, orderPlacedQueueTopology } from './order-placed.queue';

describe('the orders.placed queue topology', () => {
  it('is a durable quorum queue with a delivery limit, dead-lettering to its own exchange and queue', () => {
    expect(orderPlacedQueueTopology()).toEqual({
      queue: ORDER_PLACED_QUEUE,
      queueOptions: {
        durable: true,
        arguments: {
          'x-queue-type': 'quorum',
          'x-delivery-limit': ORDER_PLACED_DELIVERY_LIMIT,
          'x-dead-letter-exchange': 'fulfilment.orders-placed.dlx',
          'x-dead-letter-routing-key': 'fulfilment.orders-placed',
        },
      },
      deadLetter: {
        exchange: 'fulfilment.orders-placed.dlx',
        queue: 'fulfilment.orders-placed.dead',
        routingKey: 'fulfilment.orders-placed',
      },
    });
  });

  it('derives every name from the queue, so a test queue has a dead-letter side of its own', () => {
    expect(JSON.stringify(orderPlacedQueueTopology('test-123'))).not.toContain(ORDER_PLACED_QUEUE);
  });
});

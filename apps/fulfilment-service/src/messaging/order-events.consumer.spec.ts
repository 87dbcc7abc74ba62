import { orderPlacedQueueTopology } from '@boundary/order-events-contract';
import { orderEventsConsumerOptions } from './order-events.consumer-options';

const events = { url: 'amqp://guest:guest@127.0.0.1:5672', queue: 'orders-q' };

describe('fulfilment’s orders.placed consumer', () => {
  it('consumes the contract’s queue with its arguments and manual acks (noAck: false)', () => {
    expect(orderEventsConsumerOptions(events)).toEqual({
      urls: [events.url],
      queue: 'orders-q',
      queueOptions: orderPlacedQueueTopology('orders-q').queueOptions,
      noAck: false,
      prefetchCount: 10,
    });
  });
});

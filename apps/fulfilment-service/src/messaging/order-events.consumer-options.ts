import { orderPlacedQueueTopology } from '@boundary/order-events-contract';
import type { RmqOptions } from '@nestjs/microservices';
import type { FulfilmentServiceConfig } from '../config/fulfilment-service.config';

/** Messages a consumer holds unacknowledged at once. */
const PREFETCH = 10;

/** How fulfilment consumes `orders.placed`: the contract's queue and arguments, manual acks. */
export function orderEventsConsumerOptions(events: FulfilmentServiceConfig['events']): Required<RmqOptions>['options'] {
  const topology = orderPlacedQueueTopology(events.queue);
  return {
    urls: [events.url],
    queue: topology.queue,
    queueOptions: topology.queueOptions,
    noAck: false,
    prefetchCount: PREFETCH,
  };
}

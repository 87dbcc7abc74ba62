/** The queue fulfilment consumes `orders.placed` from, unless configured otherwise (tests use their own). */
export const ORDER_PLACED_QUEUE = 'fulfilment.orders-placed';

/**
 * How many times the broker delivers one message before dead-lettering it: a handler that keeps failing (or a
 * consumer that crashes on it) stops blocking the queue after this many attempts.
 */
export const ORDER_PLACED_DELIVERY_LIMIT = 5;

/** A queue's dead-letter side: where the broker moves a message refused for good or delivered too often. */
export interface DeadLetterTopology {
  /** A direct exchange, named in the queue's `x-dead-letter-exchange`. */
  exchange: string;
  /** The queue bound to `exchange` with `routingKey`, holding dead messages for a person to look at. */
  queue: string;
  routingKey: string;
}

/** Everything publisher and consumer must declare alike: RabbitMQ refuses a second declaration that differs. */
export interface OrderPlacedQueueTopology {
  queue: string;
  /** `queueOptions` of Nest's RMQ transport (`ClientRMQ` and `ServerRMQ`): a durable quorum queue. */
  queueOptions: {
    durable: true;
    arguments: Record<string, string | number>;
  };
  deadLetter: DeadLetterTopology;
}

/**
 * The topology of the `orders.placed` queue named `queue`: a durable quorum queue (replicated, and it counts
 * deliveries) with `x-delivery-limit` and a dead-letter exchange and queue derived from its name.
 */
export function orderPlacedQueueTopology(queue: string = ORDER_PLACED_QUEUE): OrderPlacedQueueTopology {
  const deadLetter = { exchange: `${queue}.dlx`, queue: `${queue}.dead`, routingKey: queue };
  return {
    queue,
    queueOptions: {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-delivery-limit': ORDER_PLACED_DELIVERY_LIMIT,
        'x-dead-letter-exchange': deadLetter.exchange,
        'x-dead-letter-routing-key': deadLetter.routingKey,
      },
    },
    deadLetter,
  };
}

import { orderPlacedQueueTopology } from '@boundary/order-events-contract';
import { Module, type DynamicModule } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import type { OrderServiceConfig } from '../config/order-service.config';
import { ORDER_EVENTS_CLIENT, OUTBOX_RELAY_OPTIONS } from './order-events.tokens';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { ReservationConfirmation } from './reservation-confirmation';

/** The relay's defaults; `OrderEventsModule.forRoot` takes overrides (tests). */
const RELAY_DEFAULTS = { batchSize: 50, publishTimeoutMs: 5_000, autoStart: true };

/**
 * The Order Service's events: the outbox relay publishing through Nest's RabbitMQ transport (`ClientRMQ`) to the
 * `orders.placed` queue, declared with the contract's topology (the consumer declares the same), persistent messages,
 * confirmed by the broker before a row counts as sent.
 */
@Module({})
export class OrderEventsModule {
  static forRoot(events: OrderServiceConfig['events'], relay: Partial<OutboxRelayOptions> = {}): DynamicModule {
    const topology = orderPlacedQueueTopology(events.queue);
    return {
      module: OrderEventsModule,
      imports: [
        // Closed by ClientsModule when the app shuts down.
        ClientsModule.register([
          {
            name: ORDER_EVENTS_CLIENT,
            transport: Transport.RMQ,
            options: { urls: [events.url], queue: topology.queue, queueOptions: topology.queueOptions, persistent: true },
          },
        ]),
      ],
      providers: [
        {
          provide: OUTBOX_RELAY_OPTIONS,
          useValue: { ...RELAY_DEFAULTS, pollMs: events.outboxPollMs, brokerDescription: describeBroker(events.url), ...relay },
        },
        ReservationConfirmation,
        OutboxRelay,
      ],
      exports: [OutboxRelay],
    };
  }
}

/** `host:port/vhost` of an AMQP URL, without the credentials. */
function describeBroker(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5672'}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

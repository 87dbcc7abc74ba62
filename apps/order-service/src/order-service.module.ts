import { InventoryClientModule } from '@boundary/inventory-client';
import {
  currentDeadlineAt,
  currentRequestId,
  LivenessModule,
  ReadinessModule,
  serviceLoggerModule,
  TracingShutdownModule,
  ConsumerGuard,
  type ServiceLogger,
} from '@boundary/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import type { OrderServiceConfig } from './config/order-service.config';
import { OrderDatabaseModule } from './database/order-database.module';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { OrderDatabase } from './database/order-database';
import { OrderEventsModule } from './events/order-events.module';
import type { OutboxRelayOptions } from './events/outbox-relay';
import { OrdersModule } from './orders/orders.module';

/** What the Order Service runs on: its database, its consumers' credentials, its events and its logger. */
export interface OrderServiceOptions extends Pick<OrderServiceConfig, 'credentials' | 'inventoryClient'> {
  /** Where `orders.placed` is published: the broker and the queue. */
  events: OrderServiceConfig['events'];
  /** Overrides of the outbox relay's polling (tests). */
  relay?: Partial<OutboxRelayOptions>;
  /** Opened and migrated before the app starts; start-up fails if it cannot be. */
  database: ServiceDatabaseLocation;
  /** `createServiceLogger`'s logger, also handed to the app's Fastify adapter. */
  logger: ServiceLogger;
}

/**
 * The Order Service's root module, as main.ts and the tests start it: its API on `options.database`, behind the
 * consumer guard (each caller known by its credential; open to every call when `options.credentials.open`), with JSON logs through
 * `options.logger`.
 */
@Module({})
export class OrderServiceModule {
  static forRoot(options: OrderServiceOptions): DynamicModule {
    return {
      module: OrderServiceModule,
      imports: [
        serviceLoggerModule(options.logger),
        TracingShutdownModule,
        InventoryClientModule.forRoot({
          ...options.inventoryClient,
          requestId: currentRequestId,
          // Its inventory budget is min(INVENTORY_SERVICE_TIMEOUT_MS, what is left of its caller's).
          deadlineAt: currentDeadlineAt,
          isGlobal: true,
        }),
        OrderDatabaseModule.forRoot(options.database),
        OrdersModule,
        OrderEventsModule.forRoot(options.events, options.relay),
        LivenessModule,
        ReadinessModule.forRoot([{ name: 'database', probe: OrderDatabase }]),
      ],
      providers: [ConsumerGuard.provide(options.credentials)],
    };
  }
}

import { serviceLoggerModule, type ServiceLogger } from '@boundary/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ServiceTokenGuard } from './auth/service-token.guard';
import type { OrderServiceConfig } from './config/order-service.config';
import type { OpenOrderDatabaseOptions } from './database/open-order-database';
import { OrderServiceModule } from './order-service.module';

/** What the deployed service needs beyond its API: the database, the service token and its logger. */
export interface OrderServiceAppOptions extends Pick<OrderServiceConfig, 'serviceToken'> {
  database: OpenOrderDatabaseOptions;
  /** `createServiceLogger`'s logger, also handed to the app's Fastify adapter. */
  logger: ServiceLogger;
}

/**
 * The Order Service as deployed: its API (`OrderServiceModule`) behind the service-token guard, with JSON logs
 * through `options.logger`.
 */
@Module({})
export class OrderServiceAppModule {
  static forRoot(options: OrderServiceAppOptions): DynamicModule {
    return {
      module: OrderServiceAppModule,
      imports: [
        serviceLoggerModule(options.logger),
        OrderServiceModule.forRoot(options.database),
      ],
      providers: [{ provide: APP_GUARD, useValue: new ServiceTokenGuard(options.serviceToken) }],
    };
  }
}

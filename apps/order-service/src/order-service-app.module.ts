import { serviceLoggerModule } from '@boundary/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { ServiceTokenGuard } from './auth/service-token.guard';
import type { OrderServiceConfig } from './config/order-service.config';
import type { OpenOrderDatabaseOptions } from './database/open-order-database';
import { OrderServiceModule } from './order-service.module';

/** What the deployed service needs beyond its API: the database, the service token and the log level. */
export interface OrderServiceAppOptions extends Pick<OrderServiceConfig, 'serviceToken' | 'logLevel'> {
  database: OpenOrderDatabaseOptions;
}

/**
 * The Order Service as deployed: its API (`OrderServiceModule`) behind the service-token guard, with JSON logs
 * to standard output (or `logDestination`, for tests that read them).
 */
@Module({})
export class OrderServiceAppModule {
  static forRoot(options: OrderServiceAppOptions, logDestination?: DestinationStream): DynamicModule {
    return {
      module: OrderServiceAppModule,
      imports: [
        serviceLoggerModule({ level: options.logLevel, destination: logDestination }),
        OrderServiceModule.forRoot(options.database),
      ],
      providers: [{ provide: APP_GUARD, useValue: new ServiceTokenGuard(options.serviceToken) }],
    };
  }
}

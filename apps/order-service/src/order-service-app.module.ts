import { serviceLoggerModule } from '@boundary/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { ServiceTokenGuard } from './auth/service-token.guard';
import type { OrderServiceConfig } from './config/order-service.config';
import { OrderServiceModule } from './order-service.module';

/**
 * The Order Service as deployed: its API (`OrderServiceModule`) behind the service-token guard, with JSON logs
 * to standard output (or `logDestination`, for tests that read them).
 */
@Module({})
export class OrderServiceAppModule {
  static forRoot(config: OrderServiceConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: OrderServiceAppModule,
      imports: [serviceLoggerModule({ level: config.logLevel, destination: logDestination }), OrderServiceModule],
      providers: [{ provide: APP_GUARD, useValue: new ServiceTokenGuard(config.serviceToken) }],
    };
  }
}

import { LivenessModule, serviceLoggerModule } from '@boundary/service-kit';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { USER_SERVICE_CONFIG } from './config/user-service-config.token';
import type { UserServiceConfig } from './config/user-service.config';
import { UserOrdersModule } from './user-orders/user-orders.module';

/**
 * The User Service, configured once from its validated configuration (tests pass their own). JSON log lines go
 * to standard output, or to `logDestination` (tests that read them).
 */
@Global()
@Module({})
export class UserServiceModule {
  static forRoot(config: UserServiceConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: UserServiceModule,
      imports: [
        serviceLoggerModule({ level: config.logLevel, destination: logDestination }),
        UserOrdersModule,
        LivenessModule,
      ],
      providers: [{ provide: USER_SERVICE_CONFIG, useValue: config }],
      exports: [USER_SERVICE_CONFIG],
    };
  }
}

import { LivenessModule, ReadinessModule, serviceLoggerModule, TracingShutdownModule, type ServiceLogger } from '@boundary/service-kit';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { USER_SERVICE_CONFIG } from './config/user-service-config.token';
import type { UserServiceConfig } from './config/user-service.config';
import { UserOrdersModule } from './user-orders/user-orders.module';

/** What the User Service serves besides its API: main.ts serves it all; a test app only what its tests call. */
export interface UserServiceExtras {
  /** `GET /health/live` and `/health/ready` (they load Terminus). */
  health: boolean;
}

/**
 * The User Service, configured once from its validated configuration (tests pass their own), logging through
 * `logger` (`createServiceLogger`, also handed to the app's Fastify adapter).
 */
@Global()
@Module({})
export class UserServiceModule {
  static forRoot(config: UserServiceConfig, logger: ServiceLogger, extras: UserServiceExtras = { health: true }): DynamicModule {
    return {
      module: UserServiceModule,
      imports: [
        serviceLoggerModule(logger),
        TracingShutdownModule,
        UserOrdersModule,
        ...(extras.health
          ? [
              LivenessModule,
              // Ready whenever live: an Order Service outage is answered (502/503/504), and taking every User Service
              // pod out of its load balancer for it would only turn those answers into connection errors.
              ReadinessModule.forRoot([]),
            ]
          : []),
      ],
      providers: [{ provide: USER_SERVICE_CONFIG, useValue: config }],
      exports: [USER_SERVICE_CONFIG],
    };
  }
}

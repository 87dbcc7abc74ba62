import { createServiceFastifyAdapter } from '@boundary/service-kit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { OrderServiceConfig } from './config/order-service.config';
import { configureOrderServiceApp } from './order-service.app';
import { OrderServiceAppModule } from './order-service-app.module';

/**
 * The Order Service as main.ts builds it — service-token guard and JSON logs included — for tests of those two.
 * `listen` also binds it to a free port on 127.0.0.1 (for clients that need a real socket).
 */
export async function startDeployedOrderServiceTestApp(
  config: Partial<OrderServiceConfig> = {},
  logDestination?: DestinationStream,
): Promise<NestFastifyApplication> {
  const fullConfig: OrderServiceConfig = { port: 0, logLevel: logDestination ? 'info' : 'silent', ...config };
  const moduleRef = await Test.createTestingModule({
    imports: [OrderServiceAppModule.forRoot(fullConfig, logDestination)],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureOrderServiceApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { configureOrderServiceApp, createOrderServiceAdapter, ORDER_SERVICE_APP_OPTIONS } from './order-service.app';
import { OrderServiceAppModule, type OrderServiceAppOptions } from './order-service-app.module';

/**
 * The Order Service as main.ts builds it — service-token guard and JSON logs included — for tests of those two.
 * Logs nothing unless given a `logDestination`.
 */
export async function startDeployedOrderServiceTestApp(
  options: Pick<OrderServiceAppOptions, 'database'> & Partial<OrderServiceAppOptions>,
  logDestination?: DestinationStream,
): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [OrderServiceAppModule.forRoot({ logLevel: logDestination ? 'info' : 'silent', ...options }, logDestination)],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createOrderServiceAdapter(), {
    ...ORDER_SERVICE_APP_OPTIONS,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureOrderServiceApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

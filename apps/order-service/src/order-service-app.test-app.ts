import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createServiceLogger } from '@boundary/service-kit';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { configureOrderServiceApp, createOrderServiceAdapter, ORDER_SERVICE_APP_OPTIONS } from './order-service.app';
import { OrderServiceAppModule, type OrderServiceAppOptions } from './order-service-app.module';

/**
 * The Order Service as main.ts builds it — service-token guard and JSON logs included — for tests of those two.
 * Logs nothing unless given a `logDestination`.
 */
export async function startDeployedOrderServiceTestApp(
  options: Pick<OrderServiceAppOptions, 'database'> & Partial<Omit<OrderServiceAppOptions, 'logger'>>,
  logDestination?: DestinationStream,
): Promise<NestFastifyApplication> {
  const logger = createServiceLogger({ level: logDestination ? 'info' : 'silent', destination: logDestination });
  const moduleRef = await Test.createTestingModule({
    imports: [OrderServiceAppModule.forRoot({ ...options, logger })],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createOrderServiceAdapter(logger), {
    ...ORDER_SERVICE_APP_OPTIONS,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureOrderServiceApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

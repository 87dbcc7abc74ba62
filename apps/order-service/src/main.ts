import { Logger } from 'nestjs-pino';
import { Logger as NestLogger } from '@nestjs/common';
import { createServiceFastifyAdapter } from '@boundary/service-kit';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadOrderServiceConfig } from './config/order-service.config';
import { configureOrderServiceApp } from './order-service.app';
import { OrderServiceAppModule } from './order-service-app.module';

async function bootstrap(): Promise<void> {
  const config = loadOrderServiceConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    OrderServiceAppModule.forRoot(config),
    createServiceFastifyAdapter(),
    { bufferLogs: true },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureOrderServiceApp(app);
  await app.listen(config.port, '0.0.0.0');
  logger.log(`Order Service listening on http://localhost:${config.port}`, 'Bootstrap');
  if (config.serviceToken === undefined) {
    logger.warn('No ORDER_SERVICE_TOKEN: accepting calls without a service token (development only)', 'Bootstrap');
  }
}

bootstrap().catch((error: unknown) => {
  new NestLogger('Bootstrap').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

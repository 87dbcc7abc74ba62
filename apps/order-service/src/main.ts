import { Logger } from '@nestjs/common';
import { createServiceFastifyAdapter } from '@boundary/service-kit';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadOrderServiceConfig } from './config/order-service.config';
import { configureOrderServiceApp } from './order-service.app';
import { OrderServiceModule } from './order-service.module';

async function bootstrap(): Promise<void> {
  const config = loadOrderServiceConfig(process.env);
  const app = configureOrderServiceApp(
    await NestFactory.create<NestFastifyApplication>(OrderServiceModule, createServiceFastifyAdapter()),
  );
  await app.listen(config.port, '0.0.0.0');
  Logger.log(`Order Service listening on http://localhost:${config.port}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), undefined, 'Bootstrap');
  process.exit(1);
});

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadOrderServiceConfig } from './config/order-service.config';
import { configureOrderServiceApp } from './order-service.app';
import { OrderServiceModule } from './order-service.module';

async function bootstrap(): Promise<void> {
  const config = loadOrderServiceConfig(process.env);
  const app = configureOrderServiceApp(await NestFactory.create(OrderServiceModule));
  await app.listen(config.port);
  Logger.log(`Order Service listening on http://localhost:${config.port}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), undefined, 'Bootstrap');
  process.exit(1);
});

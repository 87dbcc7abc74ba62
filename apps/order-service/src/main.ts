import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { loadOrderServiceConfig } from './config/order-service.config';
import { openOrderDatabase } from './database/open-order-database';
import { configureOrderServiceApp, createOrderServiceAdapter, ORDER_SERVICE_APP_OPTIONS } from './order-service.app';
import { OrderServiceModule } from './order-service.module';

// The build copies migrations/ beside main.js.
const MIGRATIONS_FOLDER = join(__dirname, 'migrations');

async function bootstrap(): Promise<void> {
  const config = loadOrderServiceConfig(process.env);
  const database = { ...config.database, migrationsFolder: MIGRATIONS_FOLDER };
  if (process.argv.includes('--migrate-only')) {
    await (await openOrderDatabase({ ...database, seedDemoData: false })).close();
    Logger.log('Migrations applied', 'Bootstrap');
    return;
  }
  const app = configureOrderServiceApp(
    await NestFactory.create<NestFastifyApplication>(OrderServiceModule.forRoot(database), createOrderServiceAdapter(), {
      ...ORDER_SERVICE_APP_OPTIONS,
      abortOnError: false,
    }),
  );
  await app.listen(config.port, '0.0.0.0');
  Logger.log(`Order Service listening on http://localhost:${config.port}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), undefined, 'Bootstrap');
  process.exit(1);
});

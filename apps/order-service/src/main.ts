import { Logger } from 'nestjs-pino';
import { Logger as NestLogger } from '@nestjs/common';
import { createServiceLogger, enableGracefulShutdown, openCredentialsWarning } from '@boundary/service-kit';
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
    NestLogger.log('Migrations applied', 'Bootstrap');
    return;
  }
  const serviceLogger = createServiceLogger({ level: config.logLevel });
  const app = await NestFactory.create<NestFastifyApplication>(
    OrderServiceModule.forRoot({ credentials: config.credentials, events: config.events, inventoryClient: config.inventoryClient, database, logger: serviceLogger }),
    createOrderServiceAdapter(serviceLogger),
    { ...ORDER_SERVICE_APP_OPTIONS, abortOnError: false, bufferLogs: true },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureOrderServiceApp(app);
  enableGracefulShutdown(app, { drainMs: config.shutdownDrainMs });
  await app.listen(config.port, '0.0.0.0');
  logger.log(`Order Service listening on http://localhost:${config.port}`, 'Bootstrap');
  const open = openCredentialsWarning(config.credentials);
  if (open !== undefined) logger.warn(open, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  new NestLogger('Bootstrap').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

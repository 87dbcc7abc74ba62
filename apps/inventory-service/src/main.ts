import { Logger } from 'nestjs-pino';
import { Logger as NestLogger } from '@nestjs/common';
import {
  createServiceFastifyAdapter,
  createServiceLogger,
  enableGracefulShutdown,
  openCredentialsWarning,
} from '@boundary/service-kit';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { loadInventoryServiceConfig } from './config/inventory-service.config';
import { openInventoryDatabase } from './database/open-inventory-database';
import { configureInventoryServiceApp } from './inventory-service.app';
import { InventoryServiceModule } from './inventory-service.module';

// The build copies migrations/ beside main.js.
const MIGRATIONS_FOLDER = join(__dirname, 'migrations');

async function bootstrap(): Promise<void> {
  const config = loadInventoryServiceConfig(process.env);
  const database = { ...config.database, migrationsFolder: MIGRATIONS_FOLDER };
  if (process.argv.includes('--migrate-only')) {
    await (await openInventoryDatabase({ ...database, seedDemoData: false })).close();
    NestLogger.log('Migrations applied', 'Bootstrap');
    return;
  }
  const logger = createServiceLogger({ level: config.logLevel });
  const app = await NestFactory.create<NestFastifyApplication>(
    InventoryServiceModule.forRoot({ credentials: config.credentials, reservations: config.reservations, logger, database }),
    createServiceFastifyAdapter({ logger }),
    { abortOnError: false, bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  configureInventoryServiceApp(app);
  enableGracefulShutdown(app, { drainMs: config.shutdownDrainMs });
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`Inventory Service listening on http://localhost:${config.port}`, 'Bootstrap');
  const open = openCredentialsWarning(config.credentials);
  if (open !== undefined) app.get(Logger).warn(open, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  new NestLogger('Bootstrap').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

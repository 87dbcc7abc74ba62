import { Logger } from 'nestjs-pino';
import { Logger as NestLogger } from '@nestjs/common';
import {
  createServiceFastifyAdapter,
  createServiceLogger,
  enableGracefulShutdown,
  openCredentialsWarning,
} from '@boundary/service-kit';
import { orderPlacedQueueTopology } from '@boundary/order-events-contract';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { loadFulfilmentServiceConfig } from './config/fulfilment-service.config';
import { openFulfilmentDatabase } from './database/open-fulfilment-database';
import { configureFulfilmentServiceApp } from './fulfilment-service.app';
import { FulfilmentServiceModule } from './fulfilment-service.module';
import { DeadLetteringRmqServer } from '@boundary/service-kit/messaging';
import { orderEventsConsumerOptions } from './messaging/order-events.consumer-options';

// The build copies migrations/ beside main.js.
const MIGRATIONS_FOLDER = join(__dirname, 'migrations');

async function bootstrap(): Promise<void> {
  const config = loadFulfilmentServiceConfig(process.env);
  const database = { ...config.database, migrationsFolder: MIGRATIONS_FOLDER };
  if (process.argv.includes('--migrate-only')) {
    await (await openFulfilmentDatabase(database)).close();
    NestLogger.log('Migrations applied', 'Bootstrap');
    return;
  }
  const logger = createServiceLogger({ level: config.logLevel });
  const app = await NestFactory.create<NestFastifyApplication>(
    FulfilmentServiceModule.forRoot({ ...config, database, logger }),
    createServiceFastifyAdapter({ logger }),
    { abortOnError: false, bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  configureFulfilmentServiceApp(app);
  enableGracefulShutdown(app, { drainMs: config.shutdownDrainMs });
  // Hybrid: the HTTP API and the orders.placed consumer in one process.
  const consumer = orderEventsConsumerOptions(config.events);
  app.connectMicroservice({ strategy: new DeadLetteringRmqServer(consumer, orderPlacedQueueTopology(config.events.queue).deadLetter) });
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`Fulfilment Service listening on http://localhost:${config.port}`, 'Bootstrap');
  const open = openCredentialsWarning(config.credentials);
  if (open !== undefined) app.get(Logger).warn(open, 'Bootstrap');
  // Not awaited: the transport resolves once the broker answers, and retries until it does; the HTTP API serves meanwhile.
  app
    .startAllMicroservices()
    .then(() => app.get(Logger).log(`Consuming orders.placed from queue ${consumer.queue}`, 'Bootstrap'))
    .catch((error: unknown) => app.get(Logger).error(`Cannot consume orders.placed: ${String(error)}`, 'Bootstrap'));
}

bootstrap().catch((error: unknown) => {
  new NestLogger('Bootstrap').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

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
import { loadFulfilmentServiceConfig } from './config/fulfilment-service.config';
import { configureFulfilmentServiceApp } from './fulfilment-service.app';
import { FulfilmentServiceModule } from './fulfilment-service.module';

async function bootstrap(): Promise<void> {
  const config = loadFulfilmentServiceConfig(process.env);
  const logger = createServiceLogger({ level: config.logLevel });
  const app = await NestFactory.create<NestFastifyApplication>(
    FulfilmentServiceModule.forRoot({ ...config, logger }),
    createServiceFastifyAdapter({ logger }),
    { abortOnError: false, bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  configureFulfilmentServiceApp(app);
  enableGracefulShutdown(app, { drainMs: config.shutdownDrainMs });
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`Fulfilment Service listening on http://localhost:${config.port}`, 'Bootstrap');
  const open = openCredentialsWarning(config.credentials);
  if (open !== undefined) app.get(Logger).warn(open, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  new NestLogger('Bootstrap').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

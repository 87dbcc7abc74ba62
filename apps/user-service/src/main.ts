import { Logger } from 'nestjs-pino';
import { Logger as NestLogger } from '@nestjs/common';
import { createServiceFastifyAdapter, createServiceLogger, enableGracefulShutdown } from '@boundary/service-kit';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadUserServiceConfig } from './config/user-service.config';
import { configureUserServiceApp, serveUserServiceOpenApi } from './user-service.app';
import { UserServiceModule } from './user-service.module';

async function bootstrap(): Promise<void> {
  const config = loadUserServiceConfig(process.env);
  const logger = createServiceLogger({ level: config.logLevel });
  const app = await NestFactory.create<NestFastifyApplication>(
    UserServiceModule.forRoot(config, logger),
    createServiceFastifyAdapter({ logger }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  serveUserServiceOpenApi(configureUserServiceApp(app));
  enableGracefulShutdown(app, { drainMs: config.shutdownDrainMs });
  await app.listen(config.port, '0.0.0.0');
  app
    .get(Logger)
    .log(`User Service listening on http://localhost:${config.port} (Order Service at ${config.orderClient.baseUrl})`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  new NestLogger('Bootstrap').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

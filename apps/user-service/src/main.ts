import { Logger } from '@nestjs/common';
import { createServiceFastifyAdapter } from '@boundary/service-kit';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadUserServiceConfig } from './config/user-service.config';
import { configureUserServiceApp } from './user-service.app';
import { UserServiceModule } from './user-service.module';

async function bootstrap(): Promise<void> {
  const config = loadUserServiceConfig(process.env);
  const app = configureUserServiceApp(
    await NestFactory.create<NestFastifyApplication>(UserServiceModule.forRoot(config), createServiceFastifyAdapter()),
  );
  await app.listen(config.port, '0.0.0.0');
  Logger.log(
    `User Service listening on http://localhost:${config.port} (Order Service at ${config.orderServiceUrl})`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), undefined, 'Bootstrap');
  process.exit(1);
});

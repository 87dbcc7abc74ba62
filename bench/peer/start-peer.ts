import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/**
 * Starts a peer service as Nest's documentation bootstraps an app — `NestFactory.create` on the default (Express)
 * adapter, nestjs-pino as the app's logger — on PORT at 127.0.0.1.
 */
export async function startPeer(module: Type): Promise<void> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1');
}

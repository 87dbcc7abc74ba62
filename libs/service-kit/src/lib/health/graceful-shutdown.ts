import type { INestApplication } from '@nestjs/common';
import { z } from 'zod';
import { ShutdownDrain } from './shutdown-drain';

/** The variable of a service's graceful stop, spread into its environment schema beside `DATABASE_ENV`. */
export const SHUTDOWN_ENV = {
  /**
   * How long `/health/ready` fails (`503 SHUTTING_DOWN`) after SIGTERM while requests are still served, before the
   * listener closes: longer than the readiness probe's period. 0 (the default) closes at once, as `npm start` wants.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(0),
};

/**
 * Stops the app gracefully on SIGTERM and SIGINT: readiness fails first for `drainMs` (with `ReadinessModule`), then
 * the listener closes, accepted requests finish, shutdown hooks run (databases close last), and the process exits 0.
 * Nest's own handling re-raises the signal once closed, which ends the process as killed by it (exit status 143), not
 * as a clean stop; the orchestrator's grace period (`terminationGracePeriodSeconds`) bounds the whole.
 */
export function enableGracefulShutdown(app: INestApplication, { drainMs }: { drainMs: number }): void {
  if (drainMs > 0) {
    // ReadinessModule provides it: an app without /health/ready has no readiness to fail first.
    const drain = app.get(ShutdownDrain, { strict: false });
    drain.drainMs = drainMs;
  }
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}

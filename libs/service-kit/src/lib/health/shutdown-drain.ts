import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The first step of a graceful stop. When the app shuts down (SIGTERM, see `enableGracefulShutdown`), before Nest
 * closes the listener, `GET /health/ready` answers `503 SHUTTING_DOWN` for `drainMs` while every request is still
 * served: a load balancer or Kubernetes takes the instance out of rotation before it stops accepting connections.
 * Then the listener closes, the requests in flight finish, and the databases close after them
 * (`ServiceDatabase.onApplicationShutdown`).
 */
@Injectable()
export class ShutdownDrain implements BeforeApplicationShutdown {
  private drainingSince: number | undefined;
  /** How long readiness fails before the listener closes: longer than the readiness probe's period. Default 0. */
  drainMs = 0;

  /** Whether the app is shutting down: readiness then fails whatever its dependencies say. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.drainingSince = Date.now();
    if (this.drainMs > 0) await sleep(this.drainMs);
  }
}

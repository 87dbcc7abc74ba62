import { Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { shutDownTracerProvider } from './tracer-provider-shutdown';

/**
 * When the app closes (`app.close()`, or SIGTERM with `enableGracefulShutdown`), after the listener closed and the
 * requests in flight finished, hands the spans still batched (the batch processor sends every 5 s) to the exporter
 * and shuts the tracer provider down, within `TRACE_FLUSH_TIMEOUT_MS`. Without tracing it does nothing.
 */
@Injectable()
export class TracerProviderShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('Tracing');

  async onApplicationShutdown(): Promise<void> {
    const outcome = await shutDownTracerProvider();
    if (outcome.kind === 'timed-out') this.logger.warn(`Spans not flushed within ${outcome.timeoutMs} ms of shutdown: dropped`);
    if (outcome.kind === 'failed') this.logger.warn(`Spans not flushed at shutdown: ${String(outcome.error)}`);
  }
}

/** Imported by a service's root module: its stop flushes its last spans (see `TracerProviderShutdown`). */
@Module({ providers: [TracerProviderShutdown] })
export class TracingShutdownModule {}

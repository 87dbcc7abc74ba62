import { forwardRef, Module } from '@nestjs/common';
import type { LivenessEndpointModule } from './liveness-endpoint.module';

/**
 * Terminus, and Swagger's document machinery which its `@HealthCheck()` loads, cost a test file hundreds of
 * milliseconds. Required when Nest scans this module rather than when the library loads, they are paid only by an app
 * that serves health endpoints: a test app that leaves them out never loads them.
 */
function loadLivenessEndpoint(): typeof LivenessEndpointModule {
  return (require('./liveness-endpoint.module') as { LivenessEndpointModule: typeof LivenessEndpointModule }).LivenessEndpointModule;
}

/** `GET /health/live` for any service; `ReadinessModule` adds `/health/ready` on what the service depends on. */
@Module({ imports: [forwardRef(loadLivenessEndpoint)] })
export class LivenessModule {}

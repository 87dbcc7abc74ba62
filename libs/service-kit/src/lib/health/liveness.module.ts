import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LivenessController } from './liveness.controller';

/** `GET /health/live` for any service; `ReadinessModule` adds `/health/ready` on what the service depends on. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [LivenessController],
})
export class LivenessModule {}

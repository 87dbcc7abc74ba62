import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LivenessController } from './liveness.controller';

/** `GET /health/live` for any service. Readiness differs per service and stays in each app. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [LivenessController],
})
export class LivenessModule {}

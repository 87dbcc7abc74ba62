import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LivenessController } from './liveness.controller';

/** What `LivenessModule` serves, loaded by it only when Nest builds an app that includes it. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [LivenessController],
})
export class LivenessEndpointModule {}

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessController } from './readiness.controller';

/** `GET /health/ready`: the Order Service can serve requests only while its database answers. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [ReadinessController],
})
export class ReadinessModule {}

import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';

@Controller('health')
export class LivenessController {
  constructor(private readonly health: HealthCheckService) {}

  /** Liveness: the process is up and serving HTTP. Depends on nothing else on purpose. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }
}

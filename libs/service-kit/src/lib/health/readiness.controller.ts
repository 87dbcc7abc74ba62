import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';

/** Injection token of the named probes `ReadinessModule.forRoot` resolved. */
export const READINESS_PROBES = Symbol('READINESS_PROBES');

/** One resolved readiness check: its name and the provider it pings. */
export interface ReadinessProbe {
  name: string;
  target: { ping(): Promise<void> };
}

@Controller('health')
export class ReadinessController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  /** Readiness: `200` while every probe answers, `503 {error, code: 'NOT_READY'}` naming those that do not. */
  @Get('ready')
  @HealthCheck()
  async ready() {
    const down: string[] = [];
    try {
      return await this.health.check(this.probes.map((probe) => () => this.indicate(probe, down)));
    } catch {
      throw new ServiceUnavailableException({ error: `Not ready: ${down.join(', ')} unreachable`, code: 'NOT_READY' });
    }
  }

  private async indicate(probe: ReadinessProbe, down: string[]) {
    const indicator = this.indicators.check(probe.name);
    try {
      await probe.target.ping();
      return indicator.up();
    } catch {
      down.push(probe.name);
      return indicator.down();
    }
  }
}

import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ShutdownDrain } from './shutdown-drain';

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
    private readonly drain: ShutdownDrain,
  ) {}

  /**
   * Readiness: `200` while every probe answers, `503 {error, code: 'NOT_READY'}` naming those that do not, and
   * `503 {error, code: 'SHUTTING_DOWN'}` from the moment the app begins to stop (`ShutdownDrain`).
   */
  @Get('ready')
  @HealthCheck()
  async ready() {
    if (this.drain.draining) {
      throw new ServiceUnavailableException({ error: 'Shutting down: send new requests elsewhere', code: 'SHUTTING_DOWN' });
    }
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

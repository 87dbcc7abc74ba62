import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { OrderDatabase } from '../database/order-database';

@Controller('health')
export class ReadinessController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: OrderDatabase,
  ) {}

  /** Readiness: `200` while the database answers, `503 {error, code: 'NOT_READY'}` while it does not. */
  @Get('ready')
  @HealthCheck()
  async ready() {
    try {
      return await this.health.check([() => this.databaseHealth()]);
    } catch {
      throw new ServiceUnavailableException({ error: 'Not ready: database unreachable', code: 'NOT_READY' });
    }
  }

  private async databaseHealth() {
    const indicator = this.indicators.check('database');
    try {
      await this.database.ping();
      return indicator.up();
    } catch {
      return indicator.down();
    }
  }
}

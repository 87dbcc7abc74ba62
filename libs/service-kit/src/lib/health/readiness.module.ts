import { Module, type DynamicModule, type InjectionToken } from '@nestjs/common';
import type * as Terminus from '@nestjs/terminus';
import type * as ReadinessEndpoint from './readiness.controller';
import { ShutdownDrain } from './shutdown-drain';

/** Something a service needs to serve requests, checked by `GET /health/ready`. */
export interface ReadinessCheck {
  /** Named in the answer: `info.<name>.status`, and `Not ready: <name> unreachable`. */
  name: string;
  /** The provider whose `ping()` resolves while the dependency answers (e.g. the service's database). */
  probe: InjectionToken;
}

/**
 * `GET /health/ready`: `200` while every check's probe answers, `503 {error, code: 'NOT_READY'}` naming those that do
 * not. With no checks (a service that depends on nothing) the service is ready whenever it is live.
 */
@Module({})
export class ReadinessModule {
  static forRoot(checks: readonly ReadinessCheck[]): DynamicModule {
    // Required here, not when the library loads: only an app that serves /health/ready pays for Terminus (see
    // LivenessModule).
    const { TerminusModule } = require('@nestjs/terminus') as typeof Terminus;
    const { ReadinessController, READINESS_PROBES } = require('./readiness.controller') as typeof ReadinessEndpoint;
    return {
      module: ReadinessModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [ReadinessController],
      providers: [
        ShutdownDrain,
        {
          provide: READINESS_PROBES,
          useFactory: (...probes: ReadinessEndpoint.ReadinessProbe['target'][]): ReadinessEndpoint.ReadinessProbe[] =>
            checks.map((check, index) => ({ name: check.name, target: probes[index] })),
          inject: checks.map((check) => check.probe),
        },
      ],
    };
  }
}

import { Module, type DynamicModule, type InjectionToken } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessController, READINESS_PROBES, type ReadinessProbe } from './readiness.controller';

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
    return {
      module: ReadinessModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [ReadinessController],
      providers: [
        {
          provide: READINESS_PROBES,
          useFactory: (...probes: ReadinessProbe['target'][]): ReadinessProbe[] =>
            checks.map((check, index) => ({ name: check.name, target: probes[index] })),
          inject: checks.map((check) => check.probe),
        },
      ],
    };
  }
}

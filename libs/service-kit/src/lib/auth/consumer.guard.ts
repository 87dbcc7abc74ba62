import type { CanActivate, ExecutionContext, Provider } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import type { ConsumerCredentials } from './consumer-credentials';
import { ConsumerMatcher } from './consumer-matcher';
import { consumerNotAllowed, missingOrInvalidCredential } from './credential-problems';
import { ONLY_CONSUMERS } from './only-consumers.decorator';
import { bearerToken, isHealthProbe, type GuardedRequest } from './presented-token';
import { rememberConsumer } from './request-consumer';

/**
 * Lets a call through only from a known consumer: its `Authorization: Bearer <token>` must be in one consumer's
 * accepted set (`ConsumerMatcher`, constant time). Anything else answers `401 UNAUTHORIZED`; a known consumer on a
 * route kept for others (`@OnlyConsumers`) `403 FORBIDDEN_CONSUMER`. The consumer's name (never its token) goes on
 * the request's log line. Health probes (`/health/*`) stay open; open credentials (development) let every call through.
 */
export class ConsumerGuard implements CanActivate {
  private readonly matcher: ConsumerMatcher;

  constructor(
    private readonly credentials: ConsumerCredentials,
    private readonly reflector: Reflector,
  ) {
    this.matcher = new ConsumerMatcher(credentials.accepted);
  }

  /** The app-wide guard for `credentials`, as a root module lists it among its providers. */
  static provide(credentials: ConsumerCredentials): Provider {
    return { provide: APP_GUARD, useFactory: (reflector: Reflector) => new ConsumerGuard(credentials, reflector), inject: [Reflector] };
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.credentials.open) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (isHealthProbe(request)) return true;
    const consumer = this.matcher.identify(bearerToken(request.headers['authorization']));
    if (consumer === undefined) throw missingOrInvalidCredential();
    rememberConsumer(request, consumer);
    const allowed = this.reflector.getAllAndOverride<string[] | undefined>(ONLY_CONSUMERS, [context.getHandler(), context.getClass()]);
    if (allowed !== undefined && !allowed.includes(consumer)) throw consumerNotAllowed(consumer);
    return true;
  }
}

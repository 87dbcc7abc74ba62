import { timingSafeEqual } from 'node:crypto';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { missingOrInvalidCredential } from './credential-problems';
import { bearerToken, isHealthProbe, tokenDigest, type GuardedRequest } from './presented-token';

/**
 * Lets a call through only with `Authorization: Bearer <the shared service token>`; anything else answers `401`
 * JSON `{ error, code: "UNAUTHORIZED" }`. The comparison runs in constant time on SHA-256 digests (equal length
 * whatever was presented), so its duration tells nothing about the token. Health probes (`/health/*`) stay open.
 * Without a configured token (development) every call is let through.
 *
 * One token for every caller: the provider cannot tell its consumers apart nor rotate without a failed call. The
 * services of this repository use `ConsumerGuard` (one accepted set per consumer); this stays for services that
 * still have one shared token.
 */
export class ServiceTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(token: string | undefined) {
    this.expected = token === undefined ? undefined : tokenDigest(token);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (isHealthProbe(request)) return true;
    const presented = bearerToken(request.headers['authorization']);
    if (presented !== undefined && timingSafeEqual(tokenDigest(presented), this.expected)) return true;
    throw missingOrInvalidCredential();
  }
}

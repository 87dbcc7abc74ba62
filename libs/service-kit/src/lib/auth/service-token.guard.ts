import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';

interface RequestLike {
  url?: string;
  routeOptions?: { url?: string };
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Lets a call through only with `Authorization: Bearer <the shared service token>`; anything else answers `401`
 * JSON `{ error, code: "UNAUTHORIZED" }`. The comparison runs in constant time on SHA-256 digests (equal length
 * whatever was presented), so its duration tells nothing about the token. Health probes (`/health/*`) stay open.
 * Without a configured token (development) every call is let through.
 */
export class ServiceTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(token: string | undefined) {
    this.expected = token === undefined ? undefined : digest(token);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) return true;
    const request = context.switchToHttp().getRequest<RequestLike>();
    const route = request.routeOptions?.url ?? request.url ?? '';
    if (route.startsWith('/health/')) return true;
    const presented = bearerToken(request.headers['authorization']);
    if (presented !== undefined && timingSafeEqual(digest(presented), this.expected)) return true;
    throw new UnauthorizedException({ error: 'Missing or invalid service token', code: 'UNAUTHORIZED' });
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  return match?.[1];
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

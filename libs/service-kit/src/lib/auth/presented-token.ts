import { createHash } from 'node:crypto';

/** The token of an `Authorization: Bearer <token>` header; `undefined` for any other header or none. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  return match?.[1];
}

/**
 * A token's SHA-256 digest: what a guard keeps and compares, so every comparison runs on 32 bytes whatever was
 * presented (`timingSafeEqual` needs equal lengths, and a length difference must not show in the timing).
 */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** What a guard reads of the request it is asked about (Fastify's or Express's). */
export interface GuardedRequest {
  url?: string;
  routeOptions?: { url?: string };
  headers: Record<string, string | string[] | undefined>;
}

/** Whether `request` is a health probe (`/health/*`), which every guard leaves open. */
export function isHealthProbe(request: GuardedRequest): boolean {
  return (request.routeOptions?.url ?? request.url ?? '').startsWith('/health/');
}

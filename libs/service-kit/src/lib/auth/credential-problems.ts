import { ForbiddenException, UnauthorizedException } from '@nestjs/common';

/** The answer to a call without a credential the provider accepts: `401 { error, code: "UNAUTHORIZED" }`. */
export function missingOrInvalidCredential(): UnauthorizedException {
  return new UnauthorizedException({ error: 'Missing or invalid service token', code: 'UNAUTHORIZED' });
}

/**
 * The answer to a known consumer calling a route kept for others: `403 { error, code: "FORBIDDEN_CONSUMER" }`. The
 * body names the consumer (never its credential), so its operators see which restriction they ran into.
 */
export function consumerNotAllowed(consumer: string): ForbiddenException {
  return new ForbiddenException({ error: `The ${consumer} may not call this route`, code: 'FORBIDDEN_CONSUMER' });
}

import type { CalledResource } from '../called-resource';
import type { ProviderCallError } from './provider-call.error';

/** The call a failure belongs to, and what caused it. */
export interface FailureContext {
  resource: CalledResource;
  cause?: unknown;
  /** The body of the provider's error answer (parsed as JSON when it was), when there was one. */
  answerBody?: unknown;
}

/**
 * How a client library turns each kind of failure into its own typed error. The core decides the kind; the library
 * decides the class, the `code` and the message. Each factory must return an error of the matching `kind`.
 */
export interface ClientErrors {
  notFound(context: FailureContext): ProviderCallError;
  /** `status` is the upstream 5xx when there was an answer. */
  unavailable(context: FailureContext, status?: number): ProviderCallError;
  /** `timeoutMs` is the deadline or attempt timeout that passed. */
  timeout(context: FailureContext, timeoutMs: number): ProviderCallError;
  /** `reason` names the problem, e.g. `0.quantity: Too small` or `body is not valid JSON`. */
  badResponse(context: FailureContext, reason: string): ProviderCallError;
  rejected(context: FailureContext, status: number): ProviderCallError;
  circuitOpen(context: FailureContext, retryAfterMs: number): ProviderCallError;
}

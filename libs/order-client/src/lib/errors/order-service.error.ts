import { describeResource, ProviderCallError, type ProviderCallErrorOptions } from '@boundary/client-core';

/**
 * Base of every failure of a call to the Order Service. Each carries the resource called, the user id when the call
 * was made for a user, and the underlying cause, so the caller can map it to an answer and log it once with its
 * context.
 */
export abstract class OrderServiceError extends ProviderCallError {
  /**
   * The `code` of the Order Service's error body when it answered with one (a 4xx or 5xx), e.g. `INVALID_CURSOR`,
   * `OUT_OF_STOCK` or `INVENTORY_UNAVAILABLE`: what the Order Service says went wrong, beyond the status.
   */
  declare readonly providerCode?: string;

  protected constructor(
    message: string,
    /** The user the call was for; `undefined` for a call that is not about one user. */
    readonly userId: string | undefined,
    options: OrderServiceErrorOptions = {},
  ) {
    super(message, options);
    if (options.providerCode !== undefined) Object.defineProperty(this, 'providerCode', { value: options.providerCode, enumerable: true });
  }
}

/** What every Order Service error takes: the core's options, and the code of the Order Service's error body. */
export interface OrderServiceErrorOptions extends ProviderCallErrorOptions {
  providerCode?: string;
}

/** `user "u1"`, or the resource called when the call was not made for a user: the subject of a message. */
export function subjectOf(userId: string | undefined, options: ProviderCallErrorOptions = {}): string {
  if (userId !== undefined) return `user ${JSON.stringify(userId)}`;
  return options.resource === undefined ? 'a call' : describeResource(options.resource);
}

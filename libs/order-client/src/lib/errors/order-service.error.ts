import { describeResource, ProviderCallError, type ProviderCallErrorOptions } from '@boundary/client-core';

/**
 * Base of every failure of a call to the Order Service. Each carries the resource called, the user id when the call
 * was made for a user, and the underlying cause, so the caller can map it to an answer and log it once with its
 * context.
 */
export abstract class OrderServiceError extends ProviderCallError {
  protected constructor(
    message: string,
    /** The user the call was for; `undefined` for a call that is not about one user. */
    readonly userId: string | undefined,
    options?: ProviderCallErrorOptions,
  ) {
    super(message, options);
  }
}

/** `user "u1"`, or the resource called when the call was not made for a user: the subject of a message. */
export function subjectOf(userId: string | undefined, options: ProviderCallErrorOptions = {}): string {
  if (userId !== undefined) return `user ${JSON.stringify(userId)}`;
  return options.resource === undefined ? 'a call' : describeResource(options.resource);
}

import { providerState } from '@boundary/http-conventions';

/**
 * The provider states a consumer of the Order Service's events may give a message interaction, each written once: the
 * consumer's message pact names them, the Order Service's verification seeds each (through its own repository) before
 * its relay produces the message.
 */
export const ORDER_EVENT_PROVIDER_STATES = {
  /** `userId` placed an order of `quantity` × `item`, committed and not yet published. */
  orderPlaced: providerState<{ userId: string; item: string; quantity: number }>('user {userId} placed an order of {quantity} {item}'),
} as const;

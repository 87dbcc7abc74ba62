import type { ClientErrors, FailureContext } from '@boundary/client-core';
import { ErrorBodySchema } from '@boundary/order-contract';
import { OrderServiceBadResponseError } from './order-service-bad-response.error';
import { OrderServiceCircuitOpenError } from './order-service-circuit-open.error';
import { OrderServiceNotFoundError } from './order-service-not-found.error';
import { OrderServiceOrderNotFoundError } from './order-service-order-not-found.error';
import { OrderServiceRejectedError } from './order-service-rejected.error';
import { OrderServiceTimeoutError } from './order-service-timeout.error';
import { OrderServiceUnavailableError } from './order-service-unavailable.error';

/** The user a call was made for: the `userId` parameter of its path, if it has one. */
const userOf = ({ resource }: FailureContext) => resource.params['userId'];

/** The `code` of the Order Service's error body, when it sent one that keeps the contract. */
const providerCodeOf = ({ answerBody }: FailureContext) => {
  const body = ErrorBodySchema.safeParse(answerBody);
  return body.success ? body.data.code : undefined;
};

/** How the client core's failures become the Order Service client's typed errors. */
export const ORDER_SERVICE_ERRORS: ClientErrors = {
  notFound: (context) => {
    const orderId = context.resource.params['orderId'];
    return orderId === undefined
      ? new OrderServiceNotFoundError(userOf(context), context)
      : new OrderServiceOrderNotFoundError(orderId, context);
  },
  unavailable: (context, status) =>
    new OrderServiceUnavailableError(userOf(context), status, { ...context, providerCode: providerCodeOf(context) }),
  timeout: (context, timeoutMs) => new OrderServiceTimeoutError(userOf(context), timeoutMs, context),
  badResponse: (context, reason) => new OrderServiceBadResponseError(userOf(context), reason, context),
  rejected: (context, status) =>
    new OrderServiceRejectedError(userOf(context), status, { ...context, providerCode: providerCodeOf(context) }),
  circuitOpen: (context, retryAfterMs) => new OrderServiceCircuitOpenError(userOf(context), retryAfterMs, context),
};

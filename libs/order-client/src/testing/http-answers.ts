import { onContractOrders, ordersFor } from './order.fixtures';
import type { Order } from '@boundary/order-contract';

/**
 * What a fake Order Service does with one request, described as data so that the same answer can be played by
 * the `HttpService` double (`HttpServiceDouble`) and by nock in endpoint tests (`replyWith`).
 */
export type HttpAnswer =
  /** An HTTP answer; `body` is sent as JSON unless it is a string. */
  | { readonly kind: 'answer'; readonly status: number; readonly body: unknown; readonly headers: Record<string, string> }
  /** A 2xx answer whose body text is sent as-is with `Content-Type: application/json`. */
  | { readonly kind: 'raw'; readonly status: number; readonly text: string }
  /** No HTTP answer: the connection fails below HTTP. */
  | { readonly kind: 'network'; readonly code: string }
  /** No answer at all: the caller's timeout must fire. */
  | { readonly kind: 'never' }
  /** `then`, after `ms` milliseconds of latency. */
  | { readonly kind: 'delayed'; readonly ms: number; readonly then: HttpAnswer };

/** Answers `status` with `body` (JSON unless a string). The body is not checked: use it to break the contract on purpose. */
export function answersStatus(status: number, body: unknown = '', headers: Record<string, string> = {}): HttpAnswer {
  return { kind: 'answer', status, body, headers };
}

/** Answers 200 with `orders`, checked against the contract first: an off-contract order throws `OffContractFixtureError`. */
export function answersOrders(orders: readonly unknown[]): HttpAnswer {
  return answersStatus(200, onContractOrders(orders));
}

/** `answer`, after `ms` milliseconds of latency. */
export function delayed(ms: number, answer: HttpAnswer): HttpAnswer {
  return { kind: 'delayed', ms, then: answer };
}

/** Never answers: the caller's timeout fires. */
export function timesOut(): HttpAnswer {
  return { kind: 'never' };
}

/** The connection fails below HTTP with the Node error `code`, e.g. `EHOSTUNREACH` or axios' `ECONNABORTED`. */
export function connectionFails(code: string): HttpAnswer {
  return { kind: 'network', code };
}

/** The connection is reset before any answer (`ECONNRESET`). */
export function resets(): HttpAnswer {
  return connectionFails('ECONNRESET');
}

/** The connection is refused (`ECONNREFUSED`): nothing listens. */
export function refuses(): HttpAnswer {
  return connectionFails('ECONNREFUSED');
}

/** 200 with `Content-Type: application/json` and a body that is not JSON. */
export function malformedJson(): HttpAnswer {
  return { kind: 'raw', status: 200, text: '[{"order_id": "ord001", ' };
}

/** 200 with the JSON of `orders` cut in half, as when the connection drops mid-body. */
export function truncatedBody(orders: readonly Order[] = ordersFor('user123', 2)): HttpAnswer {
  const json = JSON.stringify(orders);
  return { kind: 'raw', status: 200, text: json.slice(0, Math.floor(json.length / 2)) };
}

/**
 * 200 with an on-contract order list of at least `bytes` bytes of JSON: only a response size limit can refuse it.
 */
export function oversizedBody(bytes: number): HttpAnswer {
  const order = JSON.stringify(ordersFor('big', 1)[0]);
  const count = Math.max(1, Math.ceil(bytes / (order.length + 1)));
  return { kind: 'raw', status: 200, text: JSON.stringify(ordersFor('big', count)) };
}

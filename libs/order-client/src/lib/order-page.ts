import type { Order } from '@boundary/order-contract';

/** Which page of a user's history to ask for. */
export interface OrderPageQuery {
  /** At most this many orders (the Order Service accepts 1–100; its default is 50). */
  limit?: number;
  /** The opaque cursor of the page to read, from a previous page's `nextCursor`. */
  cursor?: string;
}

/** One page of a user's history, newest first. */
export interface OrderPage {
  orders: Order[];
  /** Cursor of the next page (from the `Link: <…>; rel="next"` header); absent on the last page. */
  nextCursor?: string;
}

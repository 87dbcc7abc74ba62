import type { Order } from '@boundary/order-contract';

/** What `GET /users/:userId/orders` answers on success — also when `orders` is empty. */
export interface UserOrdersResponse {
  user_id: string;
  orders: Order[];
}

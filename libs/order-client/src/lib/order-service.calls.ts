import { ORDER_ROUTES } from '@boundary/order-contract';

/**
 * The resources `OrderServiceClient`'s methods call, written once: the client sends them, its errors name them
 * (`error.resource`), and a test scripting a stub's failure builds the same one (`@boundary/order-client/testing`).
 */
export const ORDER_SERVICE_CALLS = {
  userOrders: (userId: string) => ({ method: 'GET', path: ORDER_ROUTES.userOrders, params: { userId } }) as const,
  order: (orderId: string) => ({ method: 'GET', path: ORDER_ROUTES.order, params: { orderId } }) as const,
  createOrder: () => ({ method: 'POST', path: ORDER_ROUTES.orders, params: {} }) as const,
};

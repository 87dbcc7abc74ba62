export * from './order.fixtures';
export * from './order-answers';
export * from './order-service-client.stub';
export * from './order-client-testing.module';
export * from './hostile-user-id.arbitrary';
// The resources the client calls, for the `OrderServiceError`s a test scripts:
// `new OrderServiceError({ kind: 'timeout', resource: ORDER_SERVICE_CALLS.userOrders(id), timeoutMs: 50 })`.
export { ORDER_SERVICE_CALLS } from '../lib/order-service.calls';

export * from './order.fixtures';
export * from './order-answers';
export * from './order-service-client.stub';
export * from './order-client-testing.module';
export * from './hostile-user-id.arbitrary';

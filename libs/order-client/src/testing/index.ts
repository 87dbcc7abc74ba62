export * from './axios-response';
export * from './axios-error';
export * from './http-interception';
export * from './fault-server';
export * from './hostile-user-id.arbitrary';

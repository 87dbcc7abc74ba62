export * from './axios-response';
export * from './axios-error';
export * from './http-interception';
export * from './fault-server';

// The message half of the kit, its own entry point: importing `@boundary/testing` does not load @nestjs/microservices.
export * from './lib/messages/client-proxy.double';
export * from './lib/messages/emitted-message';
export * from './lib/messages/unexpected-emit.error';
export * from './lib/messages/off-contract-payload.error';
export * from './lib/messages/recording-channel';
export * from './lib/messages/in-process-rmq.server';
export * from './lib/messages/rmq-message-content';

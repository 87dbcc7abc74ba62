// `@boundary/service-kit/messaging`: what a service that consumes events through Nest's RabbitMQ transport needs — a
// server that declares its dead-letter queue, a pipe that checks a payload against its contract, and an interceptor
// that acks, requeues or dead-letters each message. An entry point of its own: an HTTP-only service never loads
// @nestjs/microservices through the kit.
export * from './lib/messaging/dead-lettering-rmq.server';
export * from './lib/messaging/invalid-message.error';
export * from './lib/messaging/message-schema.pipe';
export * from './lib/messaging/rmq-ack.interceptor';

import { z } from 'zod';

/** Where RabbitMQ answers on a development machine (and on CI): the broker's own defaults. */
export const DEFAULT_RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';

/**
 * The environment variable of a service that publishes or consumes through RabbitMQ, to spread into its env schema
 * (`z.object({ PORT: …, ...RABBITMQ_ENV })`): `RABBITMQ_URL`, an `amqp://` or `amqps://` URL.
 */
export const RABBITMQ_ENV = {
  RABBITMQ_URL: z
    .url({ protocol: /^amqps?$/, error: `must be an amqp(s) URL such as ${DEFAULT_RABBITMQ_URL}` })
    .default(DEFAULT_RABBITMQ_URL),
};

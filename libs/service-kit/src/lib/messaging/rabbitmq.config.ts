import { z } from 'zod';
import { unsetIfEmpty } from '../env/unset-if-empty';

/** Where RabbitMQ answers on a development machine (and on CI): the broker's own defaults. */
export const DEFAULT_RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';

/**
 * The environment variable of a service that publishes or consumes through RabbitMQ, to spread into its env schema
 * (`z.object({ PORT: …, ...RABBITMQ_ENV })`, then `.superRefine(checkRabbitmqEnv)`): `RABBITMQ_URL`, an `amqp://` or
 * `amqps://` URL; read it with {@link rabbitmqUrl}. An empty value means "not set".
 */
export const RABBITMQ_ENV = {
  RABBITMQ_URL: z.preprocess(
    unsetIfEmpty,
    z.url({ protocol: /^amqps?$/, error: `must be an amqp(s) URL such as ${DEFAULT_RABBITMQ_URL}` }).optional(),
  ),
};

/**
 * The schema's refinement: with `NODE_ENV=production`, `RABBITMQ_URL` is required. The default is the development
 * broker (guest on 127.0.0.1): a pod that fell back on it would keep its events in the outbox, or consume nothing,
 * while looking healthy.
 */
export function checkRabbitmqEnv(env: Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (env['NODE_ENV'] === 'production' && env['RABBITMQ_URL'] === undefined) {
    ctx.addIssue({ code: 'custom', path: ['RABBITMQ_URL'], message: 'is required when NODE_ENV=production' });
  }
}

/** The broker of a validated environment: `RABBITMQ_URL`, else the development default. */
export function rabbitmqUrl(env: { RABBITMQ_URL?: string }): string {
  return env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;
}

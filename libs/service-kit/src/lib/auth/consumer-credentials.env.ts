import type { z } from 'zod';
import type { ConsumerCredentials } from './consumer-credentials';
import { acceptedTokensPrefix, acceptedTokensVariable } from './credential-variables';
import { acceptedTokensSchema } from './service-token.schema';

/** What a provider's configuration takes from {@link consumerCredentialsEnv}. */
export interface ConsumerCredentialsEnv {
  /** One optional variable a consumer, for the provider's schema: `ORDER_SERVICE_TOKENS_USER_SERVICE`. */
  shape: Record<string, z.ZodOptional<typeof acceptedTokensSchema>>;
  /**
   * The schema's `superRefine` (over `catchall`, which keeps every variable): refuses a variable naming no declared
   * consumer, a token accepted from two consumers, and — with `NODE_ENV=production` — a provider with consumers but
   * not one accepted set. Each message names the variable, never a token.
   */
  check(env: Record<string, unknown>, ctx: z.RefinementCtx): void;
  /** The credentials of a validated environment. */
  read(env: Record<string, unknown>): ConsumerCredentials;
}

/**
 * The accepted sets of `provider`, one per consumer it declares (Nx project names): each consumer has its own
 * credential, so the provider knows who called and may keep routes for some. E.g.
 * `consumerCredentialsEnv('inventory-service', ['order-service', 'fulfilment-service'])` reads
 * `INVENTORY_SERVICE_TOKENS_ORDER_SERVICE` and `INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE`, each `current[,next]`.
 */
export function consumerCredentialsEnv(provider: string, consumers: readonly string[]): ConsumerCredentialsEnv {
  const variables = new Map(consumers.map((consumer) => [acceptedTokensVariable(provider, consumer), consumer]));
  const prefix = acceptedTokensPrefix(provider);
  const setsOf = (env: Record<string, unknown>) =>
    [...variables].flatMap(([variable, consumer]) => (Array.isArray(env[variable]) ? [{ variable, consumer, tokens: env[variable] as string[] }] : []));
  return {
    shape: Object.fromEntries([...variables.keys()].map((variable) => [variable, acceptedTokensSchema.optional()])),
    check(env, ctx) {
      for (const variable of Object.keys(env).filter((key) => key.startsWith(prefix) && !variables.has(key))) {
        const known = consumers.length > 0 ? consumers.join(', ') : 'none yet';
        ctx.addIssue({ code: 'custom', path: [variable], message: `names no consumer of the ${provider} (its consumers: ${known})` });
      }
      const owner = new Map<string, string>();
      for (const { variable, consumer, tokens } of setsOf(env)) {
        for (const token of tokens) {
          const other = owner.get(token);
          if (other !== undefined && other !== consumer) {
            ctx.addIssue({ code: 'custom', path: [variable], message: `holds a token also accepted from the ${other}: each consumer needs its own` });
          }
          owner.set(token, consumer);
        }
      }
      if (env['NODE_ENV'] === 'production' && consumers.length > 0 && setsOf(env).length === 0) {
        ctx.addIssue({ code: 'custom', path: [[...variables.keys()].join(' or ')], message: 'is required when NODE_ENV=production' });
      }
    },
    read(env) {
      const sets = setsOf(env);
      return {
        provider,
        accepted: Object.fromEntries(sets.map(({ consumer, tokens }) => [consumer, tokens])),
        open: sets.length === 0 && env['NODE_ENV'] !== 'production',
      };
    },
  };
}

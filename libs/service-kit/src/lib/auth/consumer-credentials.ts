import { acceptedTokensPrefix } from './credential-variables';

/**
 * Who may call a provider: each consumer (by its Nx project name) with the tokens it may present — its current one
 * and, while a rotation is under way, the next. `consumerCredentialsEnv` reads it from the environment; a
 * `ConsumerGuard` enforces it.
 */
export interface ConsumerCredentials {
  /** The provider's Nx project name, as its messages name it (`order-service`). */
  provider: string;
  /** Consumer → the tokens the provider accepts from it (`{ 'user-service': [current, next] }`). */
  accepted: Readonly<Record<string, readonly string[]>>;
  /**
   * No accepted set at all, outside production: every call is let through and no caller is named (development).
   * In production a provider is never open: without sets (it has no consumers yet) it refuses every call.
   */
  open: boolean;
}

/** The line a provider logs at start-up when it is open, naming the variables that would close it. */
export function openCredentialsWarning(credentials: ConsumerCredentials): string | undefined {
  if (!credentials.open) return undefined;
  const variable = `${acceptedTokensPrefix(credentials.provider)}<CONSUMER>`;
  return `No ${variable} set: accepting every call, its caller unknown (development only)`;
}

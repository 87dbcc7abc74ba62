/** A service's environment prefix: its Nx project name in upper snake case (`order-service` → `ORDER_SERVICE`). */
export function serviceEnvPrefix(service: string): string {
  return service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** What a consumer sends to `provider`, as `Authorization: Bearer`: `ORDER_SERVICE_TOKEN`. */
export function serviceTokenVariable(provider: string): string {
  return `${serviceEnvPrefix(provider)}_TOKEN`;
}

/** The start of every accepted-set variable of `provider`: `ORDER_SERVICE_TOKENS_`. */
export function acceptedTokensPrefix(provider: string): string {
  return `${serviceTokenVariable(provider)}S_`;
}

/** What `provider` accepts from `consumer`, current[,next]: `ORDER_SERVICE_TOKENS_USER_SERVICE`. */
export function acceptedTokensVariable(provider: string, consumer: string): string {
  return `${acceptedTokensPrefix(provider)}${serviceEnvPrefix(consumer)}`;
}

/**
 * The environment that gives `provider` these accepted sets (`{ 'user-service': [current, next] }` →
 * `{ ORDER_SERVICE_TOKENS_USER_SERVICE: 'current,next' }`): what a test or a process starter passes to its configuration.
 */
export function acceptedTokensEnv(provider: string, accepted: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  return Object.fromEntries(Object.entries(accepted).map(([consumer, tokens]) => [acceptedTokensVariable(provider, consumer), tokens.join(',')]));
}

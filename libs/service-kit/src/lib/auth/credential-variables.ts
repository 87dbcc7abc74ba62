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

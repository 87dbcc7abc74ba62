/**
 * A provider state as a pact names it: its sentence (`'user {userId} has {count} orders'`) and its parameters — what
 * a contract's state definition (`ORDER_PROVIDER_STATES.userHasOrders({ userId, count: 2 })`) returns.
 */
export interface ProviderState {
  readonly name: string;
  readonly params?: object;
}

/** A contract's provider state definition: its sentence, and called with parameters, the state. */
export interface ProviderStateDefinition {
  readonly sentence: string;
  (...params: never[]): ProviderState;
}

/** `user {userId} has {count} orders` with its parameters: `user user123 has 2 orders`. */
export function filledIn({ name, params = {} }: ProviderState): string {
  const values = params as Record<string, unknown>;
  return name.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

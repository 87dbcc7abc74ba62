/** A provider state as a consumer names it in a pact: the state's sentence and the parameters filled into it. */
export interface ProviderState<Params extends object = object> {
  /** The sentence with `{placeholders}` (`'user {userId} has {count} orders'`), as the pact and the provider name it. */
  readonly name: string;
  readonly params?: Params;
}

/**
 * One provider state of a contract, the single place its sentence is written. Called with its parameters, it is the
 * state a consumer's interaction is given (`ORDER_PROVIDER_STATES.userHasOrders({ userId, count: 2 })`); a provider's
 * handler map is keyed by the same definitions, so a consumer and a provider cannot name a state differently.
 */
export interface ProviderStateDefinition<Params extends object = Record<never, never>> {
  (...params: keyof Params extends never ? [] : [params: Params]): ProviderState<Params>;
  readonly sentence: string;
}

/** The parameters a provider state definition takes. */
export type ProviderStateParams<Definition> = Definition extends (...params: never[]) => ProviderState<infer Params> ? Params : never;

/** Defines a provider state by its sentence; `Params` are the values its `{placeholders}` (and its seed) take. */
export function providerState<Params extends object = Record<never, never>>(sentence: string): ProviderStateDefinition<Params> {
  // A state without parameters is given without any, as Pact writes `.given(sentence)`.
  const state = (params?: Params): ProviderState<Params> => (params === undefined ? { name: sentence } : { name: sentence, params });
  return Object.assign(state, { sentence }) as ProviderStateDefinition<Params>;
}

import type { ProviderStateDefinition } from '../provider-state';

/** The parameters of a state definition's state. */
type ParamsOf<Definition> = Definition extends (...params: never[]) => { readonly params?: infer Params } ? Params : never;

/** Seeds one provider state: the context of the running app and the state's parameters from the pact. */
export type ProviderStateSeed<Context, Params = never> = (context: Context, params: Params) => Promise<void>;

/** One seed for each state of `States`, taking that state's parameters: a state missing or unknown does not compile. */
export type ProviderStateSeeds<States extends Record<string, ProviderStateDefinition>, Context> = {
  readonly [Name in keyof States]: ProviderStateSeed<Context, ParamsOf<States[Name]>>;
};

/** What a provider runs around each interaction, by state sentence: what `verifyPacts` takes. */
export type ProviderStateHandlers = Readonly<
  Record<string, { setup(params?: unknown): Promise<undefined>; teardown(): Promise<undefined> }>
>;

/**
 * A provider's state handlers for `verifyPacts`: the seed of each state of the contract's `states`
 * (`ORDER_PROVIDER_STATES`) runs before an interaction given that state, with the pact's parameters, and
 * `removeSeededData` after it, so every interaction starts from what its own states seeded and nothing else.
 * `context` is read at each call: the app starts after the handlers are built.
 */
export function providerStateHandlers<States extends Record<string, ProviderStateDefinition>, Context>(
  context: () => Context,
  states: States,
  seeds: ProviderStateSeeds<States, Context>,
  removeSeededData: (context: Context) => Promise<void>,
): ProviderStateHandlers {
  const seedOf = seeds as Readonly<Record<string, (context: Context, params: unknown) => Promise<void>>>;
  return Object.fromEntries(
    Object.keys(states).map((name) => [
      states[name].sentence,
      {
        setup: async (params?: unknown) => {
          await seedOf[name](context(), params ?? {});
          return undefined;
        },
        teardown: async () => {
          await removeSeededData(context());
          return undefined;
        },
      },
    ]),
  );
}

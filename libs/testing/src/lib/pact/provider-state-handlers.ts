// The package root does not re-export this type (pact 16.4).
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types';

/** Seeds one provider state: the context of the running app and the state's parameters from the pact. */
export type ProviderStateSeed<Context> = (context: Context, params: never) => Promise<void>;

/**
 * A provider's state handlers for Pact's `Verifier`: each state sentence (`'user {userId} has {count} orders'`) runs its
 * seed before the interaction with the pact's parameters, and `removeSeededData` after it, so every interaction
 * starts from what its own state seeded and nothing else. `context` is read at each call: the app starts after the
 * handlers are built.
 */
export function providerStateHandlers<Context>(
  context: () => Context,
  states: Record<string, ProviderStateSeed<Context>>,
  removeSeededData: (context: Context) => Promise<void>,
): StateHandlers {
  return Object.fromEntries(
    Object.entries(states).map(([sentence, seed]) => [
      sentence,
      {
        setup: async (params?: unknown) => {
          await (seed as (context: Context, params: unknown) => Promise<void>)(context(), params ?? {});
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

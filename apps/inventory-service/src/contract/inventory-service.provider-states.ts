// The package root does not re-export this type (pact 16.4).
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types';
import { InMemoryItemRepository } from '../items/in-memory-item.repository';
import { ItemRepository } from '../items/item.repository';

/** What the provider states need from the running app: its repository, which they seed. */
export interface ProviderStateContext {
  items: ItemRepository;
}

interface ItemParams {
  itemId: string;
}

/**
 * The repository as the states can seed it. Generated for `InMemoryItemRepository`: once the app uses a real
 * repository, seed through it here instead.
 */
function seedable(repository: ItemRepository): InMemoryItemRepository {
  if (repository instanceof InMemoryItemRepository) return repository;
  throw new Error('ItemRepository is no longer in memory: seed the provider states through the real one');
}

/** Stores the item `itemId` (named `Demo item`). */
export async function itemExists(context: ProviderStateContext, { itemId }: ItemParams): Promise<void> {
  await seedable(context.items).save({ id: itemId, name: 'Demo item' });
}

/** Leaves `itemId` unknown: every state is undone after its interaction, so nothing exists unless seeded. */
export async function itemDoesNotExist(): Promise<void> {
  // Nothing to seed.
}

/** Forgets what the states seeded. */
export async function removeSeededData(context: ProviderStateContext): Promise<void> {
  await seedable(context.items).clear();
}

/**
 * The provider states the consumers' pacts name, each a sentence with parameters, mapped to the named functions
 * above. Every state is undone after its interaction.
 */
export function providerStates(context: () => ProviderStateContext): StateHandlers {
  const state = <P>(seed: (context: ProviderStateContext, params: P) => Promise<void>) => ({
    setup: async (params?: unknown) => {
      await seed(context(), params as P);
      return undefined;
    },
    teardown: async () => {
      await removeSeededData(context());
      return undefined;
    },
  });
  return {
    'item {itemId} exists': state(itemExists),
    'item {itemId} does not exist': state(itemDoesNotExist),
  };
}

import { providerStateHandlers, type ProviderStateSeeds } from './provider-state-handlers';

/** A contract's state definition, as `providerState` of `@boundary/http-conventions` makes it. */
function definition<Params extends object>(sentence: string) {
  return Object.assign((params: Params) => ({ name: sentence, params }), { sentence });
}

const SHELF_STATES = {
  itemIsOnTheShelf: definition<{ item: string }>('item {item} is on the shelf'),
  shelfIsEmpty: definition<Record<never, never>>('the shelf is empty'),
};

interface Shelf {
  items: string[];
}

describe('providerStateHandlers', () => {
  const shelf: Shelf = { items: [] };
  const seeds = {
    itemIsOnTheShelf: async (context: Shelf, { item }: { item: string }) => {
      context.items.push(item);
    },
    shelfIsEmpty: async () => undefined,
  };
  const emptyShelf = async (context: Shelf) => {
    context.items.length = 0;
  };
  const handlers = providerStateHandlers(() => shelf, SHELF_STATES, seeds, emptyShelf);

  it('seeds each state with the pact’s parameters before its interaction, and removes it after', async () => {
    const state = handlers['item {item} is on the shelf'];
    await state.setup({ item: 'Laptop' });
    expect(shelf.items).toEqual(['Laptop']);
    await state.teardown();
    expect(shelf.items).toEqual([]);
  });

  it('names every state of the contract by its sentence, and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual(['item {item} is on the shelf', 'the shelf is empty']);
  });

  it('reads the context at each call, so handlers can be built before the app starts', async () => {
    const app: { shelf?: Shelf } = {};
    const late = providerStateHandlers(() => app.shelf as Shelf, SHELF_STATES, seeds, emptyShelf);
    app.shelf = { items: [] };
    await late['item {item} is on the shelf'].setup({ item: 'Mouse' });
    expect(app.shelf.items).toEqual(['Mouse']);
  });

  it('does not compile with a state missing, a state the contract does not define, or a seed taking other parameters', () => {
    const build = (states: ProviderStateSeeds<typeof SHELF_STATES, Shelf>) => providerStateHandlers(() => shelf, SHELF_STATES, states, emptyShelf);
    // @ts-expect-error the seed of shelfIsEmpty is missing
    build({ itemIsOnTheShelf: seeds.itemIsOnTheShelf });
    // @ts-expect-error itemIsOnTheShelve is no state of the contract
    build({ ...seeds, itemIsOnTheShelve: seeds.itemIsOnTheShelf });
    // @ts-expect-error the seed wants a count the state does not give
    build({ ...seeds, itemIsOnTheShelf: async ({ items }: Shelf, { item, count }: { item: string; count: number }) => void items.push(item.repeat(count)) });
    expect(Object.keys(build(seeds))).toHaveLength(2);
  });
});

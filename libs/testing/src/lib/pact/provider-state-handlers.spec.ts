import { providerStateHandlers } from './provider-state-handlers';

describe('providerStateHandlers', () => {
  interface Shelf {
    items: string[];
  }
  const shelf: Shelf = { items: [] };
  const handlers = providerStateHandlers(
    () => shelf,
    {
      'item {item} is on the shelf': async (context: Shelf, { item }: { item: string }) => {
        context.items.push(item);
      },
      'the shelf is empty': async () => undefined,
    },
    async (context) => {
      context.items.length = 0;
    },
  );

  it('seeds each state with the pact’s parameters before its interaction, and removes it after', async () => {
    const state = handlers['item {item} is on the shelf'] as { setup(p?: unknown): Promise<unknown>; teardown(): Promise<unknown> };
    await state.setup({ item: 'Laptop' });
    expect(shelf.items).toEqual(['Laptop']);
    await state.teardown();
    expect(shelf.items).toEqual([]);
  });

  it('names every state it was given, and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual(['item {item} is on the shelf', 'the shelf is empty']);
  });

  it('reads the context at each call, so handlers can be built before the app starts', async () => {
    const app: { shelf?: Shelf } = {};
    const late = providerStateHandlers(
      () => app.shelf as Shelf,
      { 'item {item} is on the shelf': async (context: Shelf, { item }: { item: string }) => void context.items.push(item) },
      async () => undefined,
    );
    app.shelf = { items: [] };
    await (late['item {item} is on the shelf'] as { setup(p?: unknown): Promise<unknown> }).setup({ item: 'Mouse' });
    expect(app.shelf.items).toEqual(['Mouse']);
  });
});

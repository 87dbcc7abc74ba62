import { providerState, type ProviderStateParams } from './provider-state';

describe('providerState', () => {
  const itemHasStock = providerState<{ item: string; count: number }>('item {item} has {count} in stock');
  const inventoryIsDown = providerState('the inventory is unavailable');

  it('names the state by its sentence, with the parameters it was given', () => {
    expect(itemHasStock({ item: 'Laptop', count: 2 })).toEqual({ name: 'item {item} has {count} in stock', params: { item: 'Laptop', count: 2 } });
    expect(itemHasStock.sentence).toBe('item {item} has {count} in stock');
  });

  it('gives a state without parameters none, as `.given(sentence)` does', () => {
    expect(inventoryIsDown()).toEqual({ name: 'the inventory is unavailable' });
  });

  it('takes exactly the parameters the state declares', () => {
    const params: ProviderStateParams<typeof itemHasStock> = { item: 'Laptop', count: 1 };
    expect(itemHasStock(params).params).toBe(params);
    // @ts-expect-error a parameter of the sentence is missing
    itemHasStock({ item: 'Laptop' });
    // @ts-expect-error a state without parameters takes none
    inventoryIsDown({ item: 'Laptop' });
  });
});

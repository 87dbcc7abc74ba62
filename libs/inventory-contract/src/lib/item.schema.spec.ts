import { DEMO_ITEM } from './demo-items';
import { ItemIdSchema, ItemSchema } from './item.schema';

describe('ItemSchema', () => {
  it('accepts the demo fixture', () => {
    expect(ItemSchema.parse(DEMO_ITEM)).toEqual(DEMO_ITEM);
  });

  it.each([
    ['a missing item', { in_stock: 1 }, 'item'],
    ['a negative stock', { item: 'Laptop', in_stock: -1 }, 'in_stock'],
    ['a fractional stock', { item: 'Laptop', in_stock: 1.5 }, 'in_stock'],
  ])('rejects %s, naming the field', (_case, value, field) => {
    expect(ItemSchema.safeParse(value).error?.issues[0].path).toEqual([field]);
  });

  it('strips fields it does not know, so the provider can add fields safely', () => {
    expect(ItemSchema.parse({ ...DEMO_ITEM, added: true })).toEqual(DEMO_ITEM);
  });

  it.each([
    ['an empty item', ''],
    ['an item over 200 characters', 'x'.repeat(201)],
    ['an item with a control character', 'Lap\ntop'],
  ])('rejects %s as an id, as an order’s item is rejected', (_case, id) => {
    expect(ItemIdSchema.safeParse(id).success).toBe(false);
  });
});

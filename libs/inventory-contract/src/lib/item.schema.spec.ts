import { DEMO_ITEM } from './demo-items';
import { ItemIdSchema, ItemSchema } from './item.schema';

describe('ItemSchema', () => {
  it('accepts the demo fixture', () => {
    expect(ItemSchema.parse(DEMO_ITEM)).toEqual(DEMO_ITEM);
  });

  it.each([
    ['a missing id', { name: 'x' }, 'id'],
    ['an empty name', { id: 'x', name: '' }, 'name'],
  ])('rejects %s, naming the field', (_case, value, field) => {
    expect(ItemSchema.safeParse(value).error?.issues[0].path).toEqual([field]);
  });

  it('strips fields it does not know, so the provider can add fields safely', () => {
    expect(ItemSchema.parse({ ...DEMO_ITEM, added: true })).toEqual(DEMO_ITEM);
  });

  it.each([
    ['an empty id', '', 'must not be empty'],
    ['an id over 128 characters', 'x'.repeat(129), 'at most 128'],
  ])('rejects %s as an id, saying why', (_case, id, message) => {
    expect(ItemIdSchema.safeParse(id).error?.issues[0].message).toContain(message);
  });
});

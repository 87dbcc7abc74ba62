import { z } from 'zod';
import { checkedFixture, OffContractFixtureError } from './checked-fixture';

const ItemSchema = z.object({ id: z.string().min(1), count: z.number().int().positive() });

describe('checkedFixture (contract-checked fixtures for any zod schema)', () => {
  it('returns the value as the schema parses it, unknown fields stripped', () => {
    expect(checkedFixture(ItemSchema, { id: 'i1', count: 2, colour: 'red' })).toEqual({ id: 'i1', count: 2 });
  });

  it('fails at once naming the first offending field, what the fixture is and where the schema lives', () => {
    const names = { what: 'item', schemaName: 'ItemSchema in @shop/contract' };
    const bad = () => checkedFixture(z.array(ItemSchema), [{ id: 'i1', count: 1 }, { id: 'i2', count: 0 }], names);
    expect(bad).toThrow(OffContractFixtureError);
    expect(bad).toThrow(/^off-contract item fixture: 1\.count: .+ \(see ItemSchema in @shop\/contract\)$/);
    const error = (() => {
      try {
        return bad();
      } catch (e) {
        return e as OffContractFixtureError;
      }
    })();
    expect(error).toMatchObject({ field: '1.count' });
  });

  it('names the whole value when it is wrong as a whole', () => {
    expect(() => checkedFixture(z.array(ItemSchema), { items: [] }, { what: 'item', whole: 'items' })).toThrow(
      /^off-contract item fixture: items: /,
    );
    expect(() => checkedFixture(ItemSchema, 'x')).toThrow(/^off-contract value fixture: value: /);
  });
});

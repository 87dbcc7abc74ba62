import { CreateReservationRequestSchema, MAX_QUANTITY, ReservationQuantitySchema } from './reservation.schema';

describe('ReservationQuantitySchema', () => {
  it('accepts up to MAX_QUANTITY, what the 32-bit storage columns hold', () => {
    expect(ReservationQuantitySchema.safeParse(MAX_QUANTITY).success).toBe(true);
  });

  it.each([
    ['zero', 0],
    ['a negative quantity', -1],
    ['a fraction', 1.5],
    ['one over MAX_QUANTITY', MAX_QUANTITY + 1],
  ])('rejects %s', (_case, quantity) => {
    expect(ReservationQuantitySchema.safeParse(quantity).success).toBe(false);
  });
});

describe('CreateReservationRequestSchema', () => {
  it('rejects an item the inventory refuses as an id, naming the field', () => {
    expect(CreateReservationRequestSchema.safeParse({ item: 'Lap\ntop', quantity: 1 }).error?.issues[0].path).toEqual(['item']);
  });
});

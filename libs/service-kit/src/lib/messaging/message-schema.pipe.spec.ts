import { z } from 'zod';
import { InvalidMessageError } from './invalid-message.error';
import { MessageSchemaPipe } from './message-schema.pipe';

const pipe = new MessageSchemaPipe('orders.placed', z.object({ order_id: z.string(), quantity: z.number().int().positive() }));

describe('MessageSchemaPipe', () => {
  it('passes a payload the contract accepts, as the schema parsed it', () => {
    expect(pipe.transform({ order_id: 'ord-1', quantity: 2, extra: 'dropped' })).toEqual({ order_id: 'ord-1', quantity: 2 });
  });

  it('refuses a payload off the contract with InvalidMessageError, naming the pattern and each field', () => {
    let error: unknown;
    try {
      pipe.transform({ quantity: 0 });
    } catch (failure) {
      error = failure;
    }
    expect(error).toBeInstanceOf(InvalidMessageError);
    expect(error).toMatchObject({ pattern: 'orders.placed', problems: [expect.stringMatching(/^order_id: /), expect.stringMatching(/^quantity: Too small/)] });
    expect((error as Error).message).toMatch(/^Invalid orders\.placed message: order_id: .*; quantity: Too small/);
  });

  it('names the payload itself when it is not an object', () => {
    expect(() => pipe.transform('not json')).toThrow(/Invalid orders\.placed message: \(payload\): /);
  });
});

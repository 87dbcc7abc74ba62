import { expandPath, UnsendablePathParameterError } from './path-template';

describe('expandPath', () => {
  it('fills every placeholder, each value percent-encoded as exactly one segment', () => {
    expect(expandPath('/shelves/{shelfId}/items/{itemId}', { shelfId: 'a/b', itemId: '../x?y#%' })).toBe(
      '/shelves/a%2Fb/items/..%2Fx%3Fy%23%25',
    );
  });

  it('leaves a template without placeholders as it is', () => {
    expect(expandPath('/items', {})).toBe('/items');
  });

  it.each([
    ['.', '/users/{userId}', { userId: '.' }, 'userId', 'dot-segment', 'dot-segment user id'],
    ['..', '/users/{userId}', { userId: '..' }, 'userId', 'dot-segment', 'dot-segment user id'],
    ['a missing parameter', '/users/{userId}/orders/{orderRef2Id}', { userId: 'u1' }, 'orderRef2Id', 'missing', 'missing order ref2 id'],
    ['a missing one-letter parameter', '/v/{v}', {}, 'v', 'missing', 'missing v'],
  ])('refuses %s, naming the parameter in words', (_case, template, params, parameter, problem, message) => {
    let thrown: unknown;
    try {
      expandPath(template, params);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnsendablePathParameterError);
    expect(thrown).toMatchObject({ name: 'UnsendablePathParameterError', parameter, problem, message });
  });
});

describe('expandPath in the services’ routes', () => {
  it('encodes each parameter as exactly one segment, whatever it holds', () => {
    expect(expandPath('/users/{userId}/orders/{orderId}', { userId: 'a/b?c#d', orderId: '../x %' })).toBe(
      '/users/a%2Fb%3Fc%23d/orders/..%2Fx%20%25',
    );
  });

  it('leaves a template without parameters as it is', () => {
    expect(expandPath('/orders', {})).toBe('/orders');
  });

  it.each(['.', '..'])('refuses the value %j, naming the parameter in words', (value) => {
    expect(() => expandPath('/orders/{orderId}', { orderId: value })).toThrow(
      expect.objectContaining({ constructor: UnsendablePathParameterError, parameter: 'orderId', problem: 'dot-segment', message: 'dot-segment order id' }),
    );
  });

  it('refuses a parameter the template names but the call omits', () => {
    expect(() => expandPath('/users/{userId}/orders', {})).toThrow(
      expect.objectContaining({ parameter: 'userId', problem: 'missing', message: 'missing user id' }),
    );
  });
});

describe('expandPath and strings that are not well-formed Unicode', () => {
  it.each(['\ud800', 'a\udc00b'])('refuses the value %j (a lone surrogate) as malformed instead of throwing URIError', (value) => {
    expect(() => expandPath('/users/{userId}/orders', { userId: value })).toThrow(
      expect.objectContaining({ constructor: UnsendablePathParameterError, parameter: 'userId', problem: 'malformed', message: 'malformed user id' }),
    );
  });

  it('accepts a well-formed astral character, encoded as its four UTF-8 bytes', () => {
    expect(expandPath('/users/{userId}', { userId: '😀' })).toBe('/users/%F0%9F%98%80');
  });
});

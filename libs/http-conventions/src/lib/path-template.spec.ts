import { expandPath, UnsendablePathParameterError } from './path-template';

describe('expandPath', () => {
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

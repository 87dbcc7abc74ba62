import { nestRoute } from './route-template';

describe('nestRoute', () => {
  it.each([
    ['/users/{userId}/orders', 'users/:userId/orders'],
    ['/users/{userId}/orders/{orderId}', 'users/:userId/orders/:orderId'],
    ['/orders', 'orders'],
    ['//orders/{orderId}', 'orders/:orderId'],
  ])('turns the template %s into the Nest route %s', (template, route) => {
    expect(nestRoute(template)).toBe(route);
  });
});

import { nextUserOrdersPageLink } from './order-routes';

describe('nextUserOrdersPageLink', () => {
  it('points at the user’s history with the limit and the cursor, as rel="next"', () => {
    expect(nextUserOrdersPageLink('user123', 2, 'b3JkMDAy')).toBe('</users/user123/orders?limit=2&cursor=b3JkMDAy>; rel="next"');
  });

  it('encodes the id as one segment and the cursor as a query value', () => {
    expect(nextUserOrdersPageLink('a/b c', 50, 'x+/=')).toBe('</users/a%2Fb%20c/orders?limit=50&cursor=x%2B%2F%3D>; rel="next"');
  });
});

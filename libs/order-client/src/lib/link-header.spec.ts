import { nextPageCursor } from './link-header';

describe('nextPageCursor', () => {
  const base = 'http://orders.test:5001';

  it('reads the cursor of a relative rel="next" target', () => {
    expect(nextPageCursor('</users/u1/orders?limit=2&cursor=b3JkMDAy>; rel="next"', base)).toBe('b3JkMDAy');
  });

  it('finds rel=next among several links and relation types', () => {
    const header = '<http://x/first?cursor=a>; rel="first", <http://x/p?cursor=zz%2B1>; rel="prefetch next"';
    expect(nextPageCursor(header, base)).toBe('zz+1');
  });

  it.each([undefined, '', '</users/u1/orders?cursor=a>; rel="prev"', 'garbage'])(
    'answers undefined for %j (no next page)',
    (header) => {
      expect(nextPageCursor(header, base)).toBeUndefined();
    },
  );

  it.each([
    '</users/u1/orders?cursor=a>; rel="nextish"',
    '</users/u1/orders?cursor=a>; rel="next-page"',
    '</users/u1/orders?cursor=a>; rel=previous',
  ])('does not take a relation that merely starts with "next" (%j)', (header) => {
    expect(nextPageCursor(header, base)).toBeUndefined();
  });

  it('reads a next link followed by more parameters, and one after a link whose URL holds a comma', () => {
    expect(nextPageCursor('</a?cursor=x>; rel="next" ; title="more"', base)).toBe('x');
    expect(nextPageCursor('</a,b?cursor=p>; rel="prev",</c?cursor=n>; rel="next"', base)).toBe('n');
  });

  it('finds next before another relation type, and next unquoted', () => {
    expect(nextPageCursor('</a?cursor=x>; rel="next prefetch"', base)).toBe('x');
    expect(nextPageCursor('</a?cursor=y>; rel=next', base)).toBe('y');
  });

  it('reads a next link whose parameters are not separated by spaces', () => {
    expect(nextPageCursor('</a?cursor=z>;rel=next', base)).toBe('z');
  });

  it('answers undefined for a header that does not start with a link (malformed)', () => {
    expect(nextPageCursor('junk </a?cursor=x>; rel="next"', base)).toBeUndefined();
  });

  it('answers undefined for a next link without a cursor', () => {
    expect(nextPageCursor('</users/u1/orders>; rel="next"', base)).toBeUndefined();
  });
});

import { describeResource } from './called-resource';

describe('describeResource', () => {
  it('names the method and the path template', () => {
    expect(describeResource({ method: 'GET', path: '/items', params: {} })).toBe('GET /items');
  });

  it('adds each parameter with its value quoted', () => {
    expect(describeResource({ method: 'PUT', path: '/shelves/{shelfId}/items/{itemId}', params: { shelfId: 'a/b', itemId: 'x"y' } })).toBe(
      'PUT /shelves/{shelfId}/items/{itemId} (shelfId "a/b", itemId "x\\"y")',
    );
  });
});

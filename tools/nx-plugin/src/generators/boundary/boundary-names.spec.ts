import { serviceBaseName, singularOf, spellings } from './boundary-names';

describe('singularOf', () => {
  it.each([
    ['items', 'item'],
    ['stock-levels', 'stock-level'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['branches', 'branch'],
    ['keys', 'key'],
  ])('reads %s as the plural of %s', (plural, singular) => {
    expect(singularOf(plural)).toBe(singular);
  });

  it.each(['item', 'address', 'status', 'Items', 'stock_levels', 'stock--levels', '-items', 'is'])(
    'refuses %s: not a kebab-case regular plural',
    (name) => {
      expect(singularOf(name)).toBeUndefined();
    },
  );
});

describe('serviceBaseName', () => {
  it('is the app name without -service', () => {
    expect(serviceBaseName('stock-level-service')).toBe('stock-level');
  });

  it.each(['storefront', '-service', 'Stock-service'])('is undefined for %s', (app) => {
    expect(serviceBaseName(app)).toBeUndefined();
  });
});

describe('spellings', () => {
  it('spells a kebab-case name for classes, constants, properties, prose and titles', () => {
    expect(spellings('stock-level')).toEqual({
      name: 'stock-level',
      className: 'StockLevel',
      constantName: 'STOCK_LEVEL',
      propertyName: 'stockLevel',
      words: 'stock level',
      title: 'Stock Level',
    });
  });
});

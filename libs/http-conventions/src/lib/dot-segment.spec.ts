import { isDotSegment } from './dot-segment';

describe('isDotSegment', () => {
  it.each(['.', '..'])('is true for %j, which URLs read as path navigation', (segment) => {
    expect(isDotSegment(segment)).toBe(true);
  });

  it.each(['', '...', '../x', 'a.', '.a', '%2E', '%2E%2E', '. '])('is false for %j', (segment) => {
    expect(isDotSegment(segment)).toBe(false);
  });
});

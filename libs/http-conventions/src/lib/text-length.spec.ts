import { codePointLength } from './text-length';

// U+1F600: one code point, two UTF-16 units — where the two meanings of "length" part.
const ASTRAL = '😀';

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['ü', 1],
    [ASTRAL, 1],
    ['👍🏽', 2], // a thumb and a skin-tone modifier: one grapheme, two code points
    [`a${ASTRAL}b`, 3],
  ])('counts %j as %i code points', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });
});

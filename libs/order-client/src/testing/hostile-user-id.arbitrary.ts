import type * as FastCheck from 'fast-check';

/**
 * fast-check is large (hundreds of milliseconds of a Jest file's start-up): required by the property tests that ask
 * for an arbitrary, not by every test that imports this testing kit for a stub or a fixture.
 */
function loadFastCheck(): typeof FastCheck {
  return require('fast-check') as typeof FastCheck;
}

/** Pieces that have broken URL handling somewhere: separators, dot-segments, escapes, controls, odd spaces. */
const NASTY_PIECES = [
  '/', '?', '#', '%', '..', '.', '\\', ' ', '+', '&', '=', ';', '@', ':', '%2F', '%2e%2e', '%00', '%25', '%ZZ', '%',
  '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u200b', '\ufeff', '\r\n', '\t',
  'ü', 'ß', '𝔘', '😀', '\u0301', 'ﬁ', 'İ', '../admin', '/../../etc/passwd', '?x=1#f', '<script>',
] as const;

/**
 * User ids built to break a URL: mixes of separators, dot-segments, `%`-escapes, backslashes, spaces, unicode,
 * NUL and control characters, plus arbitrary well-formed strings and 10 kB strings. Every value is well-formed
 * UTF-16 (lone surrogates cannot travel in a URL at all).
 */
export function hostileUserId(): FastCheck.Arbitrary<string> {
  const fc = loadFastCheck();
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_PIECES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  );
  return fc
    .oneof(
      { weight: 8, arbitrary: fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join('')) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 10_000, maxLength: 10_240 }) },
    )
    .filter((id) => id.isWellFormed());
}

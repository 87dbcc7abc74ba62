import { z } from 'zod';

/**
 * The length of `text` as the contract counts it: in Unicode code points. Every "at most N characters" in the
 * contracts means N code points — what PostgreSQL's `char_length` and JSON Schema's `maxLength` count too. JavaScript's
 * `String.length` counts UTF-16 code units instead: an astral character such as 😀 (U+1F600) has `length` 2 but is
 * one character here. (A grapheme such as 👍🏽 may be several code points.)
 */
export function codePointLength(text: string): number {
  return [...text].length;
}

/**
 * A string of 1–`maxLength` characters, counted in code points ({@link codePointLength}); JSON Schema publishes it as
 * `minLength: 1, maxLength`. Messages default to zod's for an empty string and to
 * `must be at most <maxLength> characters`.
 */
export function boundedTextSchema(maxLength: number, messages: { empty?: string; tooLong?: string } = {}) {
  return (
    z
      .string()
      // One UTF-16 unit or one code point: both say "not empty".
      .min(1, messages.empty)
      .refine(
        // UTF-16 units are never fewer than code points: most strings need no walk.
        (text) => text.length <= maxLength || codePointLength(text) <= maxLength,
        messages.tooLong ?? `must be at most ${maxLength} characters`,
      )
      .meta({ maxLength })
  );
}

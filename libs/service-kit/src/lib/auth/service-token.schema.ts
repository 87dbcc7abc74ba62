import { z } from 'zod';

/** The shortest service token a consumer may send or a provider accept. */
export const MIN_SERVICE_TOKEN_LENGTH = 16;

const TOO_SHORT = `must be at least ${MIN_SERVICE_TOKEN_LENGTH} characters`;

/** A consumer's `<PROVIDER>_SERVICE_TOKEN`: what it sends as `Authorization: Bearer`. */
export const serviceTokenSchema = z.string().min(MIN_SERVICE_TOKEN_LENGTH, TOO_SHORT);

/**
 * A provider's accepted set for one consumer, `current` or `current,next` (during a rotation): the tokens, each at
 * least {@link MIN_SERVICE_TOKEN_LENGTH} characters. Its messages name the entry, never its value.
 */
export const acceptedTokensSchema = z.string().transform((value, ctx) => {
  const tokens = value.split(',').map((token) => token.trim());
  tokens.forEach((token, index) => {
    const entry = tokens.length > 1 ? `entry ${index + 1} ` : '';
    if (token === '') ctx.addIssue({ code: 'custom', message: `${entry || 'the set '}must not be empty (write current or current,next)` });
    else if (token.length < MIN_SERVICE_TOKEN_LENGTH) ctx.addIssue({ code: 'custom', message: `${entry || 'the token '}${TOO_SHORT}` });
  });
  return tokens;
});

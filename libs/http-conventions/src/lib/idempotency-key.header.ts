/**
 * Header that makes a non-GET request safe to repeat: the provider answers a repeat with the same key and body as it
 * answered the first, so a client may retry such a request (and only such a request) like a GET.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verificationFailures } from './verification-output';

/** Output that pact-core printed in this repository's own verification runs (colours included). */
const recorded = (name: string) => readFileSync(join(__dirname, 'fixtures', `${name}.verifier-output.txt`), 'utf8');

describe('verificationFailures', () => {
  it('names the interaction and the missing field once, however many list elements lack it', () => {
    expect(verificationFailures(recorded('renamed-quantity'))).toEqual([
      {
        interaction: 'a request for the first page of a user’s orders',
        mismatches: ['$[1] -> Actual map is missing the following keys: quantity'],
      },
      {
        interaction: 'a request for the orders of a user who has some',
        mismatches: ['$[0] -> Actual map is missing the following keys: quantity'],
      },
    ]);
  });

  it('keeps each failed check of an interaction: the body’s mismatch and the status', () => {
    const failures = verificationFailures(recorded('unauthorized'));
    expect(failures[1]).toEqual({
      interaction: 'a request for a page with a cursor the Order Service did not issue',
      mismatches: ["$.code -> Expected 'UNAUTHORIZED' (String) to be equal to 'INVALID_CURSOR' (String)", 'expected 400 but was 401'],
    });
    expect(failures.map((failure) => failure.mismatches.at(-1))).toContain('expected 200 but was 401');
  });

  it('names a message interaction the provider no longer produces, and why', () => {
    expect(verificationFailures(recorded('message-not-published'))).toEqual([
      {
        interaction: 'an orders.placed event for a new order',
        mismatches: [
          '$ -> Actual map is missing the following keys: data, pattern',
          'The provider produced no message: The outbox relay published nothing once the states were set up; a message interaction expects one message',
        ],
      },
    ]);
  });

  it('finds nothing in output without a Failures section', () => {
    expect(verificationFailures('Verifying a pact between user-service and order-service\n  has status code 200 (OK)\n')).toEqual([]);
  });
});

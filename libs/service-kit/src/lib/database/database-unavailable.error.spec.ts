import { DatabaseUnavailableError, isDatabaseUnavailable } from './database-unavailable.error';

/** An error as Drizzle throws it: its own message, the driver's error as `cause`. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', wrapped(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))],
    ['a dropped connection', wrapped(new Error('Connection terminated unexpectedly'))],
    ['a pool checkout timeout', wrapped(new Error('timeout exceeded when trying to connect'))],
    ['an admin shutdown', wrapped(Object.assign(new Error('terminating connection'), { code: '57P01' }))],
    ['a connection exception', wrapped(Object.assign(new Error('connection failure'), { code: '08006' }))],
    ['an AggregateError of refusals', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })])],
    ['a plain object from another realm', { message: 'q', cause: { code: 'ECONNRESET', message: 'reset' } }],
    ['the service’s own error', new DatabaseUnavailableError('down')],
  ])('recognises %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', wrapped(Object.assign(new Error('violates check'), { code: '23514' }))],
    ['a programming error', new TypeError('x is undefined')],
    ['a string', 'ECONNREFUSED'],
  ])('does not take %s for an outage', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

import { TRACEPARENT_PATTERN } from './trace-context';

describe('TRACEPARENT_PATTERN', () => {
  const traceparent = new RegExp(TRACEPARENT_PATTERN);

  it('matches a W3C traceparent of version 00, sampled or not', () => {
    expect(traceparent.test('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(true);
    expect(traceparent.test('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')).toBe(true);
  });

  it('refuses what is not one: upper-case hex, a short id, another version, anything around it', () => {
    for (const header of [
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01',
      '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      ' 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    ]) {
      expect({ header, matches: traceparent.test(header) }).toEqual({ header, matches: false });
    }
  });
});

import type { OpenAPIObject } from '@nestjs/swagger';
import { withDeadlineHeader } from './deadline.open-api';

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'Test Service', version: '1' },
  paths: {
    '/things/{thingId}': {
      get: { parameters: [{ name: 'thingId', in: 'path', required: true }], responses: { '200': { description: 'The thing' } } },
      post: {
        parameters: [{ name: 'X-Deadline-Ms', in: 'header', description: 'Past it, nothing is written' }],
        responses: { '400': { description: 'Invalid thing' }, '503': { description: 'Database unavailable' } },
      },
    },
  },
});

describe('withDeadlineHeader', () => {
  it('documents x-deadline-ms on a route that does not, with 400 INVALID_DEADLINE and 503 DEADLINE_EXCEEDED', () => {
    const get = withDeadlineHeader(document()).paths['/things/{thingId}'].get;
    expect(get?.parameters).toEqual([
      { name: 'thingId', in: 'path', required: true },
      expect.objectContaining({ name: 'x-deadline-ms', in: 'header', required: false, schema: { type: 'string', pattern: '^[0-9]+$' } }),
    ]);
    expect(get?.responses['400']).toMatchObject({ description: expect.stringMatching(/INVALID_DEADLINE/) });
    expect(get?.responses['503']).toMatchObject({ description: expect.stringMatching(/DEADLINE_EXCEEDED/) });
    expect(get?.responses['200']).toEqual({ description: 'The thing' });
  });

  it('keeps what a route says itself: its own header (any case) and its own 400 and 503', () => {
    const post = withDeadlineHeader(document()).paths['/things/{thingId}'].post;
    expect(post?.parameters).toHaveLength(1);
    expect(post?.responses).toEqual({ '400': { description: 'Invalid thing' }, '503': { description: 'Database unavailable' } });
  });
});

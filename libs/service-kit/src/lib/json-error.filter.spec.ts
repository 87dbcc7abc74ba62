import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { JsonErrorFilter, type ProblemMapper } from './json-error.filter';

/** A filter whose HTTP adapter records what it was asked to send. */
function filterRecordingReplies(mapper?: ProblemMapper) {
  const sent: { status?: number; body?: unknown; headers?: Record<string, string> } = {};
  const adapterHost = {
    httpAdapter: {
      reply: (_response: unknown, body: unknown, status: number) => Object.assign(sent, { status, body }),
      setHeader: (_response: unknown, name: string, value: string) => (sent.headers = { ...sent.headers, [name]: value }),
    },
  } as unknown as HttpAdapterHost;
  return { filter: new JsonErrorFilter(adapterHost, mapper), sent };
}

function answer(mapper: ProblemMapper | undefined, error: unknown, params: Record<string, string> = {}) {
  const { filter, sent } = filterRecordingReplies(mapper);
  jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
  const host = { switchToHttp: () => ({ getRequest: () => ({ params }), getResponse: () => ({}) }) };
  filter.catch(error, host as unknown as ArgumentsHost);
  return sent;
}

describe('JsonErrorFilter', () => {
  it('answers with the mapper’s problem and the route’s user id', () => {
    const mapper = () => ({ status: 504, error: 'slow', code: 'SLOW' });
    expect(answer(mapper, new Error('x'), { userId: 'u1' })).toEqual({
      status: 504,
      body: { error: 'slow', code: 'SLOW', user_id: 'u1' },
    });
  });

  it('sets the headers the mapper’s problem names (e.g. Retry-After)', () => {
    const mapper = () => ({ status: 503, error: 'busy', code: 'BUSY', headers: { 'Retry-After': '7' } });
    expect(answer(mapper, new Error('x'))).toEqual({
      status: 503,
      body: { error: 'busy', code: 'BUSY' },
      headers: { 'Retry-After': '7' },
    });
  });

  it('keeps the status and the { error, code } body of an HttpException raised with one', () => {
    const error = new BadRequestException({ error: 'Invalid user id: too long', code: 'INVALID_USER_ID' });
    expect(answer(undefined, error)).toEqual({
      status: 400,
      body: { error: 'Invalid user id: too long', code: 'INVALID_USER_ID' },
    });
  });

  it('names a plain HttpException’s code after its status', () => {
    expect(answer(undefined, new NotFoundException('Cannot GET /x'))).toEqual({
      status: 404,
      body: { error: 'Cannot GET /x', code: 'NOT_FOUND' },
    });
  });

  it('answers anything else with a generic 500 that leaks nothing', () => {
    const sent = answer(undefined, new Error('password=hunter2 at db.ts:3'));
    expect(sent).toEqual({ status: 500, body: { error: 'Internal server error', code: 'INTERNAL_ERROR' } });
  });

  it('logs an unexpected error once, with its stack', () => {
    const { filter } = filterRecordingReplies();
    const log = jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    const host = { switchToHttp: () => ({ getRequest: () => ({}), getResponse: () => ({}) }) };
    filter.catch(new Error('boom'), host as unknown as ArgumentsHost);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][1]).toContain('Error: boom');
  });
});

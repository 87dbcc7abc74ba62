import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { JsonErrorFilter } from './json-error.filter';

function answer(filter: JsonErrorFilter, error: unknown, params: Record<string, string> = {}) {
  const sent: { status?: number; body?: unknown } = {};
  const response = { status: (status: number) => ((sent.status = status), { json: (body: unknown) => (sent.body = body) }) };
  const host = { switchToHttp: () => ({ getRequest: () => ({ params }), getResponse: () => response }) };
  filter.catch(error, host as unknown as ArgumentsHost);
  return sent;
}

describe('JsonErrorFilter', () => {
  it('answers with the mapper’s problem and the route’s user id', () => {
    const filter = new JsonErrorFilter(() => ({ status: 504, error: 'slow', code: 'SLOW' }));
    expect(answer(filter, new Error('x'), { userId: 'u1' })).toEqual({
      status: 504,
      body: { error: 'slow', code: 'SLOW', user_id: 'u1' },
    });
  });

  it('keeps the status and the { error, code } body of an HttpException raised with one', () => {
    const error = new BadRequestException({ error: 'Invalid user id: too long', code: 'INVALID_USER_ID' });
    expect(answer(new JsonErrorFilter(), error)).toEqual({
      status: 400,
      body: { error: 'Invalid user id: too long', code: 'INVALID_USER_ID' },
    });
  });

  it('names a plain HttpException’s code after its status', () => {
    expect(answer(new JsonErrorFilter(), new NotFoundException('Cannot GET /x'))).toEqual({
      status: 404,
      body: { error: 'Cannot GET /x', code: 'NOT_FOUND' },
    });
  });

  it('answers anything else with a generic 500 that leaks nothing', () => {
    const filter = new JsonErrorFilter();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    const sent = answer(filter, new Error('password=hunter2 at db.ts:3'));
    expect(sent).toEqual({ status: 500, body: { error: 'Internal server error', code: 'INTERNAL_ERROR' } });
  });

  it('logs an unexpected error once, with its stack', () => {
    const filter = new JsonErrorFilter();
    const log = jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    answer(filter, new Error('boom'));
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][1]).toContain('Error: boom');
  });
});

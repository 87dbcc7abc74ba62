import type nock from 'nock';
import type { HttpAnswer } from './http-answers';

/**
 * Plays `answer` on a nock interceptor, for endpoint tests: the same faults as the `HttpService` double, but
 * through real sockets, axios and its parser.
 *
 * @example replyWith(nock(url).get('/users/user123/orders'), resets())
 */
export function replyWith(interceptor: nock.Interceptor, answer: HttpAnswer): nock.Scope {
  switch (answer.kind) {
    case 'answer':
      return interceptor.reply(answer.status, bodyOf(answer.body), { 'Content-Type': 'application/json', ...answer.headers });
    case 'raw':
      return interceptor.reply(answer.status, answer.text, { 'Content-Type': 'application/json' });
    case 'network':
      return interceptor.replyWithError(Object.assign(new Error(`${answer.code} (simulated)`), { code: answer.code }));
    case 'never':
      // A promise that never settles holds no timer, so Jest can exit once the client has given up.
      return interceptor.reply(() => new Promise<never>(() => undefined));
    case 'delayed':
      return replyWith(interceptor.delay(answer.ms), answer.then);
  }
}

function bodyOf(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

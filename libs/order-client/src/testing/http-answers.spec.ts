import axios, { type AxiosResponse } from 'axios';
import nock from 'nock';
import { firstValueFrom, timeout } from 'rxjs';
import { httpServiceAnswer } from './http-answer.observable';
import { replyWith } from './http-answer.nock';
import {
  answersStatus,
  answersOrders,
  delayed,
  type HttpAnswer,
  malformedJson,
  oversizedBody,
  refuses,
  resets,
  timesOut,
  truncatedBody,
} from './http-answers';
import { HttpInterception } from './http-interception';
import { anOrder, ordersFor } from './order.fixtures';
import { axiosResponse } from './axios-response';

const ORIGIN = 'http://orders.test';
// Real sockets on a busy machine (a 64 KiB body through nock and axios took over 300 ms under a parallel
// `nx affected`): generous for answers that come; the answer that never comes waits only NO_ANSWER_TIMEOUT_MS.
const TIMEOUT_MS = 5_000;
const NO_ANSWER_TIMEOUT_MS = 300;

/** What a caller can observe of one answer: status and parsed body, or the error code. */
type Outcome = { status: number; data: unknown } | { error: string | undefined };

const outcome = (response: Promise<AxiosResponse>): Promise<Outcome> =>
  response.then(
    ({ status, data }) => ({ status, data }),
    (error: { code?: string; name?: string; response?: AxiosResponse }) =>
      error.response ? { status: error.response.status, data: error.response.data } : { error: error.code ?? error.name },
  );

const viaDouble = (answer: HttpAnswer, timeoutMs = TIMEOUT_MS) =>
  outcome(firstValueFrom(httpServiceAnswer(answer, axiosResponse(null).config).pipe(timeout(timeoutMs))));

const viaNock = (answer: HttpAnswer, timeoutMs = TIMEOUT_MS) => {
  replyWith(nock(ORIGIN).get('/x'), answer);
  return outcome(axios.get(`${ORIGIN}/x`, { timeout: timeoutMs }));
};

describe('fault helpers: the HttpService double and nock play each answer the same way', () => {
  const interception = new HttpInterception();
  beforeEach(() => interception.start());
  afterEach(() => interception.verify());

  it.each<[string, HttpAnswer, Outcome]>([
    ['orders', answersOrders([anOrder()]), { status: 200, data: [anOrder()] }],
    ['status 503 with a body', answersStatus(503, { error: 'down' }), { status: 503, data: { error: 'down' } }],
    ['status 404 with a text body', answersStatus(404, 'no such user'), { status: 404, data: 'no such user' }],
    ['latency, then an answer', delayed(20, answersStatus(200, [])), { status: 200, data: [] }],
    ['connection reset', resets(), { error: 'ECONNRESET' }],
    ['connection refused', refuses(), { error: 'ECONNREFUSED' }],
    ['malformed JSON, left as text', malformedJson(), { status: 200, data: '[{"order_id": "ord001", ' }],
  ])('%s', async (_case, answer, expected) => {
    await expect(viaDouble(answer)).resolves.toEqual(expected);
    await expect(viaNock(answer)).resolves.toEqual(expected);
  });

  it('no answer: the caller’s timeout fires in both', async () => {
    await expect(viaDouble(timesOut(), NO_ANSWER_TIMEOUT_MS)).resolves.toEqual({ error: 'TimeoutError' });
    await expect(viaNock(timesOut(), NO_ANSWER_TIMEOUT_MS)).resolves.toEqual({ error: 'ECONNABORTED' });
  });

  it('a truncated body is the first half of the JSON, which does not parse', async () => {
    const json = JSON.stringify(ordersFor('user123', 2));
    const expected = { status: 200, data: json.slice(0, json.length / 2) };
    expect(() => JSON.parse(expected.data)).toThrow();
    await expect(viaDouble(truncatedBody())).resolves.toEqual(expected);
    await expect(viaNock(truncatedBody())).resolves.toEqual(expected);
  });

  it('an oversized body is on-contract JSON of at least the size asked', async () => {
    const answer = oversizedBody(64 * 1024);
    expect(answer).toMatchObject({ kind: 'raw' });
    const text = (answer as { text: string }).text;
    expect(text.length).toBeGreaterThanOrEqual(64 * 1024);
    const viaSocket = await viaNock(answer);
    expect(viaSocket).toEqual({ status: 200, data: JSON.parse(text) });
    await expect(viaDouble(answer)).resolves.toEqual(viaSocket);
  });

  it('a body over the request’s maxContentLength fails as axios fails it, in both', async () => {
    const answer = oversizedBody(8 * 1024);
    const config = { ...axiosResponse(null).config, maxContentLength: 4 * 1024 };
    const expected = { error: 'ERR_BAD_RESPONSE', message: 'maxContentLength size of 4096 exceeded' };
    const failure = (error: { code?: string; message: string }) => ({ error: error.code, message: error.message });
    await expect(firstValueFrom(httpServiceAnswer(answer, config)).catch(failure)).resolves.toEqual(expected);
    replyWith(nock(ORIGIN).get('/x'), answer);
    await expect(axios.get(`${ORIGIN}/x`, { maxContentLength: 4 * 1024 }).catch(failure)).resolves.toEqual(expected);
    await expect(firstValueFrom(httpServiceAnswer(answersStatus(200, 'small'), config))).resolves.toMatchObject({ data: 'small' });
  });

  it('latency holds the double’s answer back for the given time', async () => {
    jest.useFakeTimers();
    try {
      let answered = false;
      httpServiceAnswer(delayed(100, answersStatus(200, [])), axiosResponse(null).config).subscribe(() => (answered = true));
      await jest.advanceTimersByTimeAsync(99);
      expect(answered).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(answered).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});

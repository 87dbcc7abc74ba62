import axios, { type AxiosResponse } from 'axios';
import nock from 'nock';
import { firstValueFrom, timeout } from 'rxjs';
import { httpServiceAnswer } from './http-answer.observable';
import { replyWith } from './http-answer.nock';
import {
  answers,
  answersMalformedJson,
  answersOversized,
  delays,
  type HttpAnswer,
  refuses,
  resets,
  timesOut,
  truncates,
} from './http-answers';
import { HttpInterception } from './http-interception';
import { axiosResponse } from './axios-response';
import { FaultServer } from './fault-server';

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

const ITEM = { id: 'item-001', name: 'Laptop', count: 1 };

describe('answers: the HttpService double, nock and the FaultServer play each answer the same way', () => {
  const interception = new HttpInterception();
  let server: FaultServer;
  beforeAll(async () => (server = await FaultServer.start()));
  afterAll(() => server.stop());
  beforeEach(() => interception.start());
  afterEach(() => interception.verify());

  const viaFaultServer = (answer: HttpAnswer, timeoutMs = TIMEOUT_MS) => {
    server.next(answer);
    return outcome(axios.get(`${server.url}/x`, { timeout: timeoutMs }));
  };

  it.each<[string, HttpAnswer, Outcome]>([
    ['JSON', answers(200, [ITEM]), { status: 200, data: [ITEM] }],
    ['status 503 with a body', answers(503, { error: 'down' }), { status: 503, data: { error: 'down' } }],
    ['status 404 with a text body', answers(404, 'no such user'), { status: 404, data: 'no such user' }],
    ['latency, then an answer', delays(20, answers(200, [])), { status: 200, data: [] }],
    ['connection reset', resets(), { error: 'ECONNRESET' }],
    ['malformed JSON, left as text', answersMalformedJson('[{"order_id": "ord001", '), { status: 200, data: '[{"order_id": "ord001", ' }],
  ])('%s', async (_case, answer, expected) => {
    await expect(viaDouble(answer)).resolves.toEqual(expected);
    await expect(viaNock(answer)).resolves.toEqual(expected);
    await expect(viaFaultServer(answer)).resolves.toEqual(expected);
  });

  it('connection refused, in the double and nock (a listening FaultServer cannot refuse: stop() it)', async () => {
    await expect(viaDouble(refuses())).resolves.toEqual({ error: 'ECONNREFUSED' });
    await expect(viaNock(refuses())).resolves.toEqual({ error: 'ECONNREFUSED' });
    expect(() => server.next(refuses())).toThrow(/FaultServer cannot play connectionFails\("ECONNREFUSED"\)/);
  });

  it('no answer: the caller’s timeout fires in all three', async () => {
    await expect(viaDouble(timesOut(), NO_ANSWER_TIMEOUT_MS)).resolves.toEqual({ error: 'TimeoutError' });
    await expect(viaNock(timesOut(), NO_ANSWER_TIMEOUT_MS)).resolves.toEqual({ error: 'ECONNABORTED' });
    await expect(viaFaultServer(timesOut(), NO_ANSWER_TIMEOUT_MS)).resolves.toEqual({ error: 'ECONNABORTED' });
  });

  it('a truncated body is the first half of the JSON, which does not parse', async () => {
    const body = [ITEM, { ...ITEM, id: 'item-002' }];
    const json = JSON.stringify(body);
    const expected = { status: 200, data: json.slice(0, json.length / 2) };
    expect(() => JSON.parse(expected.data)).toThrow();
    await expect(viaDouble(truncates(body))).resolves.toEqual(expected);
    await expect(viaNock(truncates(body))).resolves.toEqual(expected);
    await expect(viaFaultServer(truncates(body))).resolves.toEqual(expected);
    await expect(viaDouble(truncates(json, 3))).resolves.toEqual({ status: 200, data: json.slice(0, 3) });
  });

  it('an oversized body is well-formed JSON of at least the size asked, made of the item given', async () => {
    const answer = answersOversized(64 * 1024, ITEM);
    expect(answer).toMatchObject({ kind: 'raw' });
    const text = (answer as { text: string }).text;
    expect(text.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(text.length).toBeLessThan(64 * 1024 + JSON.stringify(ITEM).length + 1);
    expect(new Set((JSON.parse(text) as unknown[]).map((item) => JSON.stringify(item)))).toEqual(new Set([JSON.stringify(ITEM)]));
    const viaSocket = await viaNock(answer);
    expect(viaSocket).toEqual({ status: 200, data: JSON.parse(text) });
    await expect(viaDouble(answer)).resolves.toEqual(viaSocket);
    await expect(viaFaultServer(answer)).resolves.toEqual(viaSocket);
  });

  it('a body over the request’s maxContentLength fails as axios fails it, in both', async () => {
    const answer = answersOversized(8 * 1024, ITEM);
    const config = { ...axiosResponse(null).config, maxContentLength: 4 * 1024 };
    const expected = { error: 'ERR_BAD_RESPONSE', message: 'maxContentLength size of 4096 exceeded' };
    const failure = (error: { code?: string; message: string }) => ({ error: error.code, message: error.message });
    await expect(firstValueFrom(httpServiceAnswer(answer, config)).catch(failure)).resolves.toEqual(expected);
    replyWith(nock(ORIGIN).get('/x'), answer);
    await expect(axios.get(`${ORIGIN}/x`, { maxContentLength: 4 * 1024 }).catch(failure)).resolves.toEqual(expected);
    await expect(firstValueFrom(httpServiceAnswer(answers(200, 'small'), config))).resolves.toMatchObject({ data: 'small' });
  });

  it('latency holds the double’s answer back for the given time', async () => {
    jest.useFakeTimers();
    try {
      let answered = false;
      httpServiceAnswer(delays(100, answers(200, [])), axiosResponse(null).config).subscribe(() => (answered = true));
      await jest.advanceTimersByTimeAsync(99);
      expect(answered).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(answered).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});

import axios from 'axios';
import nock from 'nock';
import { HttpInterception } from './http-interception';

describe('HttpInterception', () => {
  const interception = new HttpInterception();

  beforeEach(() => interception.start());
  afterEach(() => nock.cleanAll());

  it('passes when every interceptor was used and every request matched', async () => {
    nock('http://orders.test').get('/x').reply(200, 'ok');
    await axios.get('http://orders.test/x');
    expect(() => interception.verify()).not.toThrow();
  });

  it('fails naming an interceptor that was never used', () => {
    nock('http://orders.test').get('/never-called').reply(200);
    expect(() => interception.verify()).toThrow(/unused interceptor: GET http:\/\/orders\.test:80\/never-called/);
  });

  it('fails naming a request that matched no interceptor, and the request itself fails', async () => {
    await expect(axios.get('http://orders.test/unexpected')).rejects.toThrow();
    expect(() => interception.verify()).toThrow(/unmatched request: GET .*orders\.test.*\/unexpected/);
  });
});

describe('HttpInterception records the requests it saw', () => {
  const interception = new HttpInterception();
  const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  beforeEach(() => interception.start());
  afterEach(() => nock.cleanAll());

  it('with the trace context of each, as it left the process, matched or not', async () => {
    nock('http://orders.test:5001').get('/x').query(true).reply(200, 'ok');
    await axios.get('http://orders.test:5001/x?a=1', { headers: { traceparent: TRACEPARENT } });
    await expect(axios.get('http://orders.test/unexpected')).rejects.toThrow();
    expect(() => interception.verify()).toThrow(/unmatched request/);

    expect(interception.requests).toEqual([
      {
        method: 'GET',
        url: 'http://orders.test:5001/x?a=1',
        headers: expect.objectContaining({ traceparent: TRACEPARENT, host: 'orders.test:5001' }),
        traceContext: { valid: true, traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentSpanId: '00f067aa0ba902b7', sampled: true },
      },
      expect.objectContaining({ method: 'GET', url: 'http://orders.test/unexpected', traceContext: undefined }),
    ]);
  });

  it('records a malformed traceparent as sent, and the request is still answered', async () => {
    nock('http://orders.test').get('/x').reply(200, 'ok');
    await expect(axios.get('http://orders.test/x', { headers: { traceparent: 'not-a-trace' } })).resolves.toMatchObject({ status: 200 });
    interception.verify();
    expect(interception.requests.map((request) => request.traceContext)).toEqual([{ valid: false, traceparent: 'not-a-trace' }]);
  });

  it('records neither loopback requests nor requests after verify(), and starts afresh on start()', async () => {
    nock('http://orders.test').get('/x').reply(200, 'ok');
    await axios.get('http://orders.test/x');
    await expect(axios.get('http://127.0.0.1:1/closed', { timeout: 1000 })).rejects.toThrow();
    interception.verify();
    nock('http://orders.test').get('/after').reply(200, 'ok');
    await axios.get('http://orders.test/after');
    expect(interception.requests.map((request) => request.url)).toEqual(['http://orders.test/x']);

    interception.start();
    interception.start();
    nock('http://orders.test').get('/again').reply(200, 'ok');
    await axios.get('http://orders.test/again');
    interception.verify();
    expect(interception.requests.map((request) => request.url)).toEqual(['http://orders.test/again']);
  });
});

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

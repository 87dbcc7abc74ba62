import { join } from 'node:path';
import { AxiosError } from 'axios';
import { firstValueFrom } from 'rxjs';
import { HttpServiceDouble } from './http-service.double';
import { PactDoubleError } from './pact-routes';
import { UnmatchedRequestError } from './unmatched-request.error';

const V4 = join(__dirname, 'fixtures/shop-catalogue.v4.json');
const V3 = join(__dirname, 'fixtures/shop-catalogue.v3.json');
const REAL_PACT = join(__dirname, '../../../../pacts/user-service-order-service.json');
const ORIGIN = 'http://catalogue.test';
const JSON_ONLY = { Accept: 'application/json' };

describe('HttpServiceDouble.fromPact', () => {
  const get = (http: HttpServiceDouble, url: string, headers: Record<string, string> = {}) =>
    firstValueFrom(http.get(`${ORIGIN}${url}`, { headers })).catch((error: AxiosError) => {
      if (error.response) return error.response;
      throw error;
    });

  describe('a Pact V4 file', () => {
    it('plays each HTTP interaction: request method, path, query and headers → response status, headers and body', async () => {
      const http = HttpServiceDouble.fromPact(V4, { origin: ORIGIN });
      const shelf = await get(http, '/shelves/s1/items?limit=2', JSON_ONLY);
      expect(shelf).toMatchObject({ status: 200, data: [{ id: 'i1' }, { id: 'i2' }] });
      expect(shelf.headers['link']).toBe('</shelves/s1/items?cursor=x>; rel="next"');
      expect(shelf.headers['content-type']).toBe('application/json; charset=utf-8');
      await expect(get(http, '/shelves/s9/items')).resolves.toMatchObject({ status: 404, data: { code: 'NO_SHELF' } });
      await expect(get(http, '/health')).resolves.toMatchObject({ status: 204 });
      http.verifyAllUsed();
    });

    it('matches the example request exactly, and reports a near miss otherwise', async () => {
      const http = HttpServiceDouble.fromPact(V4, { origin: ORIGIN });
      await expect(get(http, '/shelves/s1/items?limit=3', JSON_ONLY)).rejects.toThrow(UnmatchedRequestError);
      await expect(get(http, '/shelves/s1/items?limit=2')).rejects.toThrow(
        'header Accept: expected application/json, got (none)',
      );
    });

    it('plays only the interactions of the chosen provider states, with their parameters filled in, and those without a state', async () => {
      const http = HttpServiceDouble.fromPact(V4, { origin: ORIGIN, states: ['shelf s9 does not exist'] });
      await expect(get(http, '/shelves/s9/items')).resolves.toMatchObject({ status: 404 });
      await expect(get(http, '/health')).resolves.toMatchObject({ status: 204 });
      await expect(get(http, '/shelves/s1/items?limit=2', JSON_ONLY)).rejects.toThrow(UnmatchedRequestError);
    });

    it('takes a state as a contract defines it, with its parameters, as well as filled in', async () => {
      const shelfDoesNotExist = { name: 'shelf {shelfId} does not exist', params: { shelfId: 's9' } };
      const http = HttpServiceDouble.fromPact(V4, { origin: ORIGIN, states: [shelfDoesNotExist] });
      await expect(get(http, '/shelves/s9/items')).resolves.toMatchObject({ status: 404 });
      await expect(get(http, '/shelves/s1/items?limit=2', JSON_ONLY)).rejects.toThrow(UnmatchedRequestError);
      expect(() => HttpServiceDouble.fromPact(V4, { states: [{ ...shelfDoesNotExist, params: { shelfId: 's1' } }] })).toThrow(
        'no interaction in the state "shelf s1 does not exist"',
      );
    });

    it('fails at once on a state the pact does not name, listing the states it does', () => {
      const unknown = () => HttpServiceDouble.fromPact(V4, { states: ['shelf s1 has 3 items'] });
      expect(unknown).toThrow(PactDoubleError);
      expect(unknown).toThrow(
        `HttpServiceDouble.fromPact(${V4}): no interaction in the state "shelf s1 has 3 items"; ` +
          'states of this pact: "shelf s1 has 2 items", "shelf s9 does not exist"',
      );
    });
  });

  it('reads a Pact V3 file: string headers, multi-valued query, a V2 providerState and query string', async () => {
    const http = HttpServiceDouble.fromPact(V3, { states: ['shelf s1 has items'] });
    await expect(get(http, '/shelves/s1/items?tag=a,b', JSON_ONLY)).resolves.toMatchObject({ status: 200, data: [{ id: 'i1' }] });
    await expect(get(http, '/shelves/s1/count?unit=pieces')).resolves.toMatchObject({ status: 200, data: '3' });
    http.verifyAllUsed();
  });

  describe('the committed pact between the User Service and the Order Service', () => {
    it('plays what the Order Service verified for "user user123 has 2 orders"', async () => {
      const http = HttpServiceDouble.fromPact(REAL_PACT, { origin: ORIGIN, states: ['user user123 has 2 orders'] });
      const response = await get(http, '/users/user123/orders', JSON_ONLY);
      expect(response.status).toBe(200);
      expect(response.data).toEqual([{ order_id: 'ord001', item: 'Laptop', quantity: 1 }]);
    });

    it('offers every provider state of the pact, and refuses one it does not name', () => {
      const refused = () => HttpServiceDouble.fromPact(REAL_PACT, { states: ['user user999 has 7 orders'] });
      // The consumer adds interactions over time: the states named here are the ones this file's other tests play.
      for (const state of ['user user123 has 3 orders', 'user user123 has 2 orders', 'user user000 has no orders', 'user user456 does not exist']) {
        expect(refused).toThrow(new RegExp(`states of this pact: .*"${state}"`));
      }
      expect(refused).toThrow(/unknown provider state|"user user999 has 7 orders"/);
    });
  });
});

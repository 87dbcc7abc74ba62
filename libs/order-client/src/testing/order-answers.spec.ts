import { OrderListSchema } from '@boundary/order-contract';
import { axiosResponse, HttpInterception, HttpServiceDouble, httpServiceAnswer, OffContractFixtureError, replyWith, type HttpAnswer } from '@boundary/testing';
import axios from 'axios';
import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { answersOrders, answersOversizedOrders, truncatesOrders } from './order-answers';
import { anOrder, ordersFor } from './order.fixtures';

const ORIGIN = 'http://orders.test';

/** Status and body as a caller sees them, through the `HttpService` double and through nock. */
const played = async (answer: HttpAnswer) => {
  const { status, data } = await firstValueFrom(httpServiceAnswer(answer, axiosResponse(null).config));
  replyWith(nock(ORIGIN).get('/x'), answer);
  const viaNock = await axios.get(`${ORIGIN}/x`, { timeout: 5_000 });
  expect({ status: viaNock.status, data: viaNock.data }).toEqual({ status, data });
  return { status, data };
};

describe('order-shaped answers (built on @boundary/testing)', () => {
  const interception = new HttpInterception();
  beforeEach(() => interception.start());
  afterEach(() => interception.verify());

  it('answersOrders: 200 with the orders, the same through the double and nock', async () => {
    await expect(played(answersOrders([anOrder()]))).resolves.toEqual({ status: 200, data: [anOrder()] });
  });

  it('answersOrders fails at setup, naming the field, when a route answers off-contract orders', () => {
    const http = new HttpServiceDouble(ORIGIN);
    expect(() => http.on('GET', '/a', answersOrders([{ order_id: 'x', item: 'y', quantity: 1.5 }]))).toThrow(
      OffContractFixtureError,
    );
    expect(() => answersOrders([{ order_id: 'x', item: 'y', quantity: 1.5 }])).toThrow(/off-contract order fixture: 0\.quantity: /);
  });

  it('truncatesOrders: the first half of the JSON of two orders of user123, which does not parse', async () => {
    const json = JSON.stringify(ordersFor('user123', 2));
    const expected = { status: 200, data: json.slice(0, json.length / 2) };
    expect(() => JSON.parse(expected.data)).toThrow();
    await expect(played(truncatesOrders())).resolves.toEqual(expected);
  });

  it('answersOversizedOrders: an on-contract order list of at least the size asked', async () => {
    const answer = answersOversizedOrders(64 * 1024);
    const text = (answer as { text: string }).text;
    expect(text.length).toBeGreaterThanOrEqual(64 * 1024);
    const { data } = await played(answer);
    expect(OrderListSchema.parse(data)).toEqual(JSON.parse(text));
  });
});

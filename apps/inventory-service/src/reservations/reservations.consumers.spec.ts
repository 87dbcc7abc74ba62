import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from '../inventory-service.test-app';

const ORDER_SERVICE_TOKEN = 'order-service-token-of-the-test-0123';
const FULFILMENT_SERVICE_TOKEN = 'fulfilment-service-token-of-the-test-01';

describe('Inventory Service consumers (ConsumerGuard): each known by its own token, only the Order Service reserves', () => {
  const lines: Record<string, unknown>[] = [];
  let service: InventoryServiceTestApp;
  beforeAll(async () => {
    service = await startInventoryServiceTestApp({
      acceptedTokens: { 'order-service': [ORDER_SERVICE_TOKEN], 'fulfilment-service': [FULFILMENT_SERVICE_TOKEN] },
      logDestination: { write: (line: string) => lines.push(JSON.parse(line)) },
    });
    await service.app.get(InventoryRepository).setStock('Lamp', 5);
  });
  afterAll(async () => {
    await service?.app.close();
  });

  const reserve = (token: string, requestId: string) =>
    service.http().post('/reservations').set('Authorization', `Bearer ${token}`).set('x-request-id', requestId).send({ item: 'Lamp', quantity: 1 });
  const requestLine = (requestId: string) => lines.find((line) => line['reqId'] === requestId && line['msg'] === 'request completed');

  it('lets the Order Service reserve stock, naming it on the request line', async () => {
    await reserve(ORDER_SERVICE_TOKEN, 'by-order-service').expect(201);
    expect(requestLine('by-order-service')).toMatchObject({ consumer: 'order-service', res: { statusCode: 201 } });
  });

  it('answers the Fulfilment Service 403 FORBIDDEN_CONSUMER on POST /reservations, reserving nothing, and names it on the line', async () => {
    const before = (await service.get('/items/Lamp').set('Authorization', `Bearer ${FULFILMENT_SERVICE_TOKEN}`).expect(200)).body;
    const response = await reserve(FULFILMENT_SERVICE_TOKEN, 'by-fulfilment').expect(403);
    expect(response.body).toEqual({ error: 'The fulfilment-service may not call this route', code: 'FORBIDDEN_CONSUMER' });
    expect((await service.get('/items/Lamp').set('Authorization', `Bearer ${FULFILMENT_SERVICE_TOKEN}`).expect(200)).body).toEqual(before);
    expect(requestLine('by-fulfilment')).toMatchObject({ consumer: 'fulfilment-service', res: { statusCode: 403 } });
  });

  it('answers the Fulfilment Service 403 on releasing a reservation too', async () => {
    const { body } = await reserve(ORDER_SERVICE_TOKEN, 'to-release').expect(201);
    await service.http().delete(`/reservations/${body.reservation_id}`).set('Authorization', `Bearer ${FULFILMENT_SERVICE_TOKEN}`).expect(403);
    await service.http().delete(`/reservations/${body.reservation_id}`).set('Authorization', `Bearer ${ORDER_SERVICE_TOKEN}`).expect(204);
  });

  it('lets only the Order Service confirm a reservation, and only the Fulfilment Service ship it (403 FORBIDDEN_CONSUMER)', async () => {
    const { body } = await reserve(ORDER_SERVICE_TOKEN, 'to-confirm').expect(201);
    const put = (step: string, token: string) =>
      service.http().put(`/reservations/${body.reservation_id}/${step}`).set('Authorization', `Bearer ${token}`);
    expect((await put('confirmation', FULFILMENT_SERVICE_TOKEN).expect(403)).body).toEqual({
      error: 'The fulfilment-service may not call this route',
      code: 'FORBIDDEN_CONSUMER',
    });
    await put('confirmation', ORDER_SERVICE_TOKEN).expect(200);
    expect((await put('shipment', ORDER_SERVICE_TOKEN).expect(403)).body).toEqual({
      error: 'The order-service may not call this route',
      code: 'FORBIDDEN_CONSUMER',
    });
    expect((await put('shipment', FULFILMENT_SERVICE_TOKEN).expect(200)).body).toMatchObject({ state: 'shipped' });
  });

  it('lets the Fulfilment Service read stock, naming it on the request line', async () => {
    await service.get('/items/Lamp').set('Authorization', `Bearer ${FULFILMENT_SERVICE_TOKEN}`).set('x-request-id', 'fulfilment-reads').expect(200);
    expect(requestLine('fulfilment-reads')).toMatchObject({ consumer: 'fulfilment-service', res: { statusCode: 200 } });
  });

  it.each([
    ['no token', 'without-token', undefined],
    ['a token no consumer has', 'with-unknown-token', 'a-token-nobody-was-given-0123456789'],
  ])('answers %s 401 UNAUTHORIZED, naming no consumer', async (_case, requestId, token) => {
    const call = service.http().post('/reservations').set('x-request-id', requestId).send({ item: 'Lamp', quantity: 1 });
    const response = await (token === undefined ? call : call.set('Authorization', `Bearer ${token}`)).expect(401);
    expect(response.body).toEqual({ error: 'Missing or invalid service token', code: 'UNAUTHORIZED' });
    expect(requestLine(requestId)).toMatchObject({ res: { statusCode: 401 } });
    expect(requestLine(requestId)).not.toHaveProperty('consumer');
  });

  it('never writes a token to its log lines', async () => {
    const written = JSON.stringify(lines);
    expect(lines.filter((line) => line['msg'] === 'request completed').length).toBeGreaterThanOrEqual(7);
    for (const token of [ORDER_SERVICE_TOKEN, FULFILMENT_SERVICE_TOKEN, 'a-token-nobody-was-given-0123456789']) expect(written).not.toContain(token);
    expect(written).not.toMatch(/authorization|bearer/i);
  });
});

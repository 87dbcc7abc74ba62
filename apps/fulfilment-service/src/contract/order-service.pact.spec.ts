import { ORDER_EVENT_PROVIDER_STATES as STATES, ORDER_PLACED, ORDER_PLACED_VERSION } from '@boundary/order-events-contract';
import { consumerPact, MatchersV3, pactMessageContent } from '@boundary/testing/pact';
import { startFulfilmentServiceTestApp, type FulfilmentServiceTestApp } from '../fulfilment-service.test-app';

const { regex, datetime } = MatchersV3;

/**
 * Consumer contract of a message: what the Fulfilment Service relies on in the Order Service's `orders.placed` event,
 * as Nest's RMQ transport puts it on the queue (`{ pattern, data }`). The pact's message goes through the service's
 * real pipeline (the RMQ server's deserialisation, the contract's validation pipe, the ack interceptor, the handler).
 * Writes pacts/fulfilment-service-order-service.json, which the Order Service verifies with what its outbox relay
 * publishes (`nx verify order-service`).
 */
const pact = consumerPact({ consumer: 'fulfilment-service', provider: 'order-service' });

const ORDER_ID = 'ord_00000000-0000-4000-8000-000000000001';
const RESERVATION_ID = 'res_00000000-0000-4000-8000-000000000001';
const ORDER = { userId: 'user123', item: 'Laptop', quantity: 2 };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('fulfilment-service ← order-service orders.placed contract (consumer of a message)', () => {
  let service: FulfilmentServiceTestApp;

  beforeAll(async () => {
    service = await startFulfilmentServiceTestApp();
  });

  afterAll(async () => {
    await service?.app.close();
  });

  it('acks an order placed and records its shipment', () =>
    pact
      .addMessage(STATES.orderPlaced(ORDER))
      .expectsToReceive('an orders.placed event for a new order', (message) =>
        message.withJSONContent({
          pattern: ORDER_PLACED,
          data: {
            version: ORDER_PLACED_VERSION,
            order_id: regex(`^ord_${UUID}$`, ORDER_ID),
            user_id: ORDER.userId,
            item: ORDER.item,
            quantity: ORDER.quantity,
            reservation_id: regex(`^res_${UUID}$`, RESERVATION_ID),
            placed_at: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSX", '2026-12-07T07:00:00.000Z'),
          },
        }),
      )
      .executeTest(async (message) => {
        // The inventory's side (shipping the reservation) is its own pact's; here it ships what the message names.
        service.inventory.forShipment(RESERVATION_ID).returns({ reservation_id: RESERVATION_ID, item: ORDER.item, quantity: ORDER.quantity, state: 'shipped' });
        expect(await service.rmq.deliverRaw(pactMessageContent(message))).toEqual({ outcome: 'acked', attempts: 1, extraSettlements: 0 });
        expect(service.inventory.shippedReservations).toEqual([RESERVATION_ID]);
        expect(await service.shipments.findShipment(ORDER_ID)).toEqual({
          order_id: ORDER_ID,
          user_id: ORDER.userId,
          item: ORDER.item,
          quantity: ORDER.quantity,
          reservation_id: RESERVATION_ID,
        });
      }));
});

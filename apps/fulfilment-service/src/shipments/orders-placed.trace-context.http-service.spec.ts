import { anOrderPlacedEvent, ORDER_PLACED } from '@boundary/order-events-contract';
import { answers, HttpServiceDouble, recordingTracing, type RecordingTracing } from '@boundary/testing';
import { loadFulfilmentServiceConfig } from '../config/fulfilment-service.config';
import { startFulfilmentServiceTestApp, type FulfilmentServiceTestApp } from '../fulfilment-service.test-app';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PUBLISH_SPAN_ID = '00f067aa0ba902b7';
const RESERVATION_ID = 'res_00000000-0000-4000-8000-000000000041';

/**
 * Level 1 (`HttpService` overridden) with OpenTelemetry registered in-process, the broker replaced by the
 * InProcessRmqServer, which runs the handler in the context of the message's headers as the amqplib instrumentation
 * runs a consumer: nothing between the consumer and the Inventory Service call — the pipe, the ack interceptor, the
 * shipping retry — may lose the message's trace.
 */
describe('Fulfilment ships an orders.placed in the trace the message carries (HttpService overridden)', () => {
  const http = new HttpServiceDouble(loadFulfilmentServiceConfig({}).inventoryClient.baseUrl);
  let tracing: RecordingTracing;
  let service: FulfilmentServiceTestApp;

  beforeAll(async () => {
    tracing = recordingTracing();
    service = await startFulfilmentServiceTestApp({ inventory: 'real', httpService: http });
  });
  afterAll(async () => {
    await service?.app.close();
    await tracing?.stop();
  });

  it('calls the Inventory Service in the message’s trace, its call span the child of the publisher’s span, its attempt’s context sent', async () => {
    http.on('PUT', `/reservations/${RESERVATION_ID}/shipment`, answers(200, { reservation_id: RESERVATION_ID, item: 'Laptop', quantity: 1, state: 'shipped' }));
    const event = anOrderPlacedEvent({ reservation_id: RESERVATION_ID });
    const delivery = await service.rmq.deliver(ORDER_PLACED, event, { traceparent: `00-${TRACE_ID}-${PUBLISH_SPAN_ID}-01` });
    expect(delivery).toMatchObject({ outcome: 'acked', traceContext: { valid: true, traceId: TRACE_ID } });

    const [call] = tracing.childrenOf({ spanId: PUBLISH_SPAN_ID });
    expect(call.instrumentationScope.name).toBe('@boundary/client-core');
    expect(call.name).toBe('PUT /reservations/{reservationId}/shipment');
    expect(call.spanContext().traceId).toBe(TRACE_ID);
    const [attempt] = tracing.childrenOf(call.spanContext());
    expect(http.requests.map((sent) => sent.headers['traceparent'])).toEqual([`00-${TRACE_ID}-${attempt.spanContext().spanId}-01`]);
  });
});

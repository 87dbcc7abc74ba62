import { ORDER_PLACED_QUEUE, orderPlacedQueueTopology } from '@boundary/order-events-contract';
import { ClientRMQ } from '@nestjs/microservices';
import { startOrderServiceTestApp } from '../order-service.test-app';
import { MIGRATIONS_FOLDER } from '../testing/test-databases';
import { ORDER_EVENTS_CLIENT } from './order-events.tokens';

describe('the Order Service’s events client (the app’s own ClientRMQ, never connected here)', () => {
  it('publishes persistent messages to the contract’s queue, declared with the contract’s arguments', async () => {
    const service = await startOrderServiceTestApp({ seedDemoData: false, migrationsFolder: MIGRATIONS_FOLDER }, { events: 'real' });
    try {
      const client = service.app.get(ORDER_EVENTS_CLIENT);
      expect(client).toBeInstanceOf(ClientRMQ);
      // The options ClientRMQ was built with: what it declares and how it publishes.
      expect(Reflect.get(client, 'options')).toEqual({
        urls: ['amqp://guest:guest@127.0.0.1:5672'],
        queue: ORDER_PLACED_QUEUE,
        queueOptions: orderPlacedQueueTopology().queueOptions,
        persistent: true,
      });
    } finally {
      await service.app.close();
    }
  });
});

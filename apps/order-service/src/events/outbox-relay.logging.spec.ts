import { startOrderServiceTestApp } from '../order-service.test-app';
import { MIGRATIONS_FOLDER } from '../testing/test-databases';

// One app in this file: the JSON lines of Nest's loggers go to the app that started first in a process.
describe('OutboxRelay logs while the broker cannot be reached (JSON lines read from a stream)', () => {
  it('says once that events wait in the outbox, without the credentials, and once that the broker answers again', async () => {
    const lines: Record<string, unknown>[] = [];
    const service = await startOrderServiceTestApp(
      { seedDemoData: false, migrationsFolder: MIGRATIONS_FOLDER },
      { logDestination: { write: (line: string) => lines.push(JSON.parse(line)) } },
    );
    try {
      service.inventory.stocks('Desk', 10);
      service.events.isDown();
      for (const user of ['waiting-1', 'waiting-2']) {
        await service.http().post('/orders').send({ user_id: user, item: 'Desk', quantity: 1 }).expect(201);
      }
      await service.relay.relayOnce();
      await service.relay.relayOnce();
      const relayLines = () => lines.filter((line) => line['context'] === 'OutboxRelay');
      expect(relayLines()).toEqual([
        expect.objectContaining({
          level: 40,
          msg: 'Cannot publish to RabbitMQ at 127.0.0.1:5672 (connect ECONNREFUSED 127.0.0.1:5672): 2 event(s) wait in the outbox and are published once it answers',
        }),
      ]);
      expect(JSON.stringify(lines)).not.toContain('guest:guest');

      service.events.recovers();
      await service.relay.relayOnce();
      expect(relayLines()).toEqual([
        expect.objectContaining({ level: 40 }),
        expect.objectContaining({ level: 30, msg: 'RabbitMQ at 127.0.0.1:5672 answers again: publishing the outbox' }),
      ]);
    } finally {
      await service.app.close();
    }
  });
});

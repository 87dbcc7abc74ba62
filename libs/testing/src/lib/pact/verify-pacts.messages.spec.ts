import { MatchersV3 } from '@pact-foundation/pact';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consumerPact } from './consumer-pact';
import { pactMessageContent } from './pact-message';
import { verifyPacts } from './verify-pacts';

const SHELF_STOCKED = { name: 'item {item} is on the shelf', params: { item: 'Lamp' } };

describe('verifyPacts with a message pact (V4 asynchronous messages)', () => {
  let dir: string;
  let pactFile: string;
  const seeded: string[] = [];
  const states = {
    [SHELF_STOCKED.name]: {
      setup: async (params?: unknown) => void seeded.push((params as { item: string }).item),
      teardown: async () => void (seeded.length = 0),
    },
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'message-pact-'));
    const pact = consumerPact({ consumer: 'shelf-watcher', provider: 'shelf-service', dir });
    await pact
      .addMessage(SHELF_STOCKED)
      .expectsToReceive('a shelf.stocked event', (message) =>
        message.withJSONContent({ pattern: 'shelf.stocked', data: { item: 'Lamp', count: MatchersV3.integer(3) } }),
      )
      .executeTest(async (message) => {
        expect(JSON.parse(pactMessageContent(message).toString())).toEqual({ pattern: 'shelf.stocked', data: { item: 'Lamp', count: 3 } });
      });
    pactFile = pact.file;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const published = (data: object) => async () => Buffer.from(JSON.stringify({ pattern: 'shelf.stocked', data: { item: seeded[0], ...data } }));

  it('holds when the provider publishes what the pact expects, once the interaction’s states are set up', async () => {
    await expect(
      verifyPacts('http://127.0.0.1:9', { provider: 'shelf-service', pactFiles: [pactFile], states, messages: published({ count: 7 }) }),
    ).resolves.toBeDefined();
  });

  it('fails, naming the field, when the provider publishes something else', async () => {
    await expect(
      verifyPacts('http://127.0.0.1:9', { provider: 'shelf-service', pactFiles: [pactFile], states, messages: published({ count: 'seven' }) }),
    ).rejects.toThrow(/"mismatch":"Expected 'seven' \(String\) to be an integer","path":"\$\.data\.count"/);
  });

  it('fails, with the producer’s error in the report, when the provider produces no message', async () => {
    const nothing = async (): Promise<Buffer> => {
      throw new Error('nothing was published');
    };
    await expect(
      verifyPacts('http://127.0.0.1:9', { provider: 'shelf-service', pactFiles: [pactFile], states, messages: nothing }),
    ).rejects.toThrow('The provider produced no message: nothing was published');
  });

  it('refuses a message pact without the provider’s messages, naming the pact and its messages', async () => {
    await expect(verifyPacts('http://127.0.0.1:9', { provider: 'shelf-service', pactFiles: [pactFile], states })).rejects.toThrow(
      `${pactFile} expects messages ('a shelf.stocked event'): pass verifyPacts the provider's \`messages\``,
    );
  });
});
